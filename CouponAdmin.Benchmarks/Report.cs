using System.Diagnostics;
using System.Globalization;

namespace CouponAdmin.Benchmarks;

internal static class Report
{
    public static void Line(string what, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-28} {value,16:N1} {unit}"));

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
