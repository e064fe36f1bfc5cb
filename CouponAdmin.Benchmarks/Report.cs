using System.Diagnostics;
using System.Globalization;

namespace CouponAdmin.Benchmarks;

internal static class Report
{
    public static void Line(string what, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-28} {value,16:N1} {unit}"));

    /// <summary>A ratio of two figures of the same run, to three places.</summary>
    public static void Ratio(string what, double value) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-28} {value,16:F3}"));

    /// <summary>CPU time this process has used so far, all threads.</summary>
    public static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    public static double PeakMegabytes()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64 / 1024.0 / 1024.0;
    }
}
