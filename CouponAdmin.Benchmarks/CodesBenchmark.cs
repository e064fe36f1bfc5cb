using System.Diagnostics;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Benchmarks;

/// <summary>Micro figure: how fast the keyed permutation renders codes, with no database.</summary>
internal static class CodesBenchmark
{
    public static int Run(Options options)
    {
        var count = options.Long("count", 10_000_000);
        var generator = CodeGenerators.For(new GenerationSettings { Method = GenerationMethod.AutoUnique, Length = 10, Alphabet = CodeAlphabet.Alphanumeric }, KeyedPermutation.NewKey());
        var buffer = new char[generator.CodeLength * 1024];
        generator.WriteCodes(0, buffer);
        var watch = Stopwatch.StartNew();
        for (long i = 0; i < count; i += 1024)
        {
            generator.WriteCodes(i, buffer);
        }

        watch.Stop();
        Report.Line("codes generated", count, "");
        Report.Line("codes/s", count / watch.Elapsed.TotalSeconds, "codes/s");
        return 0;
    }
}
