namespace CouponAdmin.Tests.E2E;

/// <summary>
/// Where journeys save screenshots: TestResults/screenshots (ignored by git) on every run, or the committed
/// docs/screenshots when UPDATE_SCREENSHOTS=1, so a test run never leaves the work tree changed.
/// </summary>
internal static class Screenshots
{
    public static string PathFor(string fileName)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CouponAdmin.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("CouponAdmin.sln not found above the test binaries.");
        }

        var update = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1";
        var folder = update ? Path.Combine(root.FullName, "docs", "screenshots") : Path.Combine(root.FullName, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
