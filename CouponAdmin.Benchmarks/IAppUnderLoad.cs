namespace CouponAdmin.Benchmarks;

/// <summary>
/// What <see cref="HttpLoad"/> drives: one app process, or several nodes on one database. It says where each request
/// goes (so the one client spreads them over the nodes) and how much CPU the app used (summed over its processes, so
/// app CPU per request stays comparable between one node and two).
/// </summary>
internal interface IAppUnderLoad
{
    /// <summary>The base address request number <paramref name="request"/> of a phase is sent to.</summary>
    Uri AddressFor(int request);

    /// <summary>CPU time the app's processes have used so far (user + system, all threads).</summary>
    TimeSpan CpuTime();
}
