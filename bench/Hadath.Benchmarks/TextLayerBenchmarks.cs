using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Hadath.Arabic;

namespace Hadath.Benchmarks;

/// <summary>
/// ArabicAnalyzer.Analyze (sentences, tokens, clitics, normalised stems) over every document of a corpus.
/// One operation is the whole corpus; the MB/s and per-document columns divide by its size.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class TextLayerBenchmarks
{
    private string[] _docs = [];

    [Params(Corpora.Pud, Corpora.Gsr)]
    public string Corpus { get; set; } = Corpora.Pud;

    [GlobalSetup]
    public void Setup()
    {
        _docs = Corpora.Load(Corpus);
        ArabicAnalyzer.Default.Analyze("تحميل القوائم"); // load the lexicon outside the measurement
    }

    [Benchmark]
    public int Analyze()
    {
        var tokens = 0;
        foreach (var d in _docs) tokens += ArabicAnalyzer.Default.Analyze(d).Tokens.Count;
        return tokens;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new CorpusColumn("Docs", (c, _) => c.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), false));
            AddColumn(new CorpusColumn("MB/s", null, true));
            AddColumn(new CorpusColumn("Alloc/doc", null, false));
        }
    }

    /// <summary>Throughput (UTF-8 MB of input per second) and allocated bytes per document.</summary>
    private sealed class CorpusColumn(string name, Func<int, long, string>? docs, bool throughput) : IColumn
    {
        public string Id => "Hadath." + name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name switch
        {
            "MB/s" => "UTF-8 megabytes (10^6 bytes) of input analysed per second on one thread",
            "Alloc/doc" => "bytes allocated per document",
            _ => "documents in the corpus",
        };
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var corpus = (string)benchmarkCase.Parameters["Corpus"];
            var n = Corpora.Load(corpus).Length;
            if (docs is not null) return docs(n, 0);
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            if (throughput) return (Corpora.Utf8Bytes(corpus) / 1e6 / (stats.Mean / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is null ? "-" : (bytes.Value / (double)n).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " B";
        }
    }
}

public static class Program
{
    public static void Main(string[] args)
    {
        // the benchmark processes run from a generated folder: hand them the shared data folder found from here
        Environment.SetEnvironmentVariable("HADATH_SHARED", Corpora.SharedDirectory());
        if (args is ["--cpu", ..]) { CpuThroughput(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10); return; }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>
    /// MB/s by processor time rather than wall-clock time, for a busy shared machine where other processes
    /// take turns on the cores: the best of <paramref name="rounds"/> passes over each corpus.
    /// </summary>
    private static void CpuThroughput(int rounds)
    {
        // warm up: load the lists and let the JIT reach its optimised tier
        for (var w = 0; w < 5; w++)
            foreach (var corpus in new[] { Corpora.Pud, Corpora.Gsr })
                foreach (var d in Corpora.Load(corpus)) ArabicAnalyzer.Default.Analyze(d);
        foreach (var corpus in new[] { Corpora.Pud, Corpora.Gsr })
        {
            var docs = Corpora.Load(corpus);
            var bytes = Corpora.Utf8Bytes(corpus);
            double bestCpu = double.MaxValue, bestWall = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                var proc = System.Diagnostics.Process.GetCurrentProcess();
                var cpu0 = proc.TotalProcessorTime;
                var wall = System.Diagnostics.Stopwatch.StartNew();
                var tokens = 0;
                foreach (var d in docs) tokens += ArabicAnalyzer.Default.Analyze(d).Tokens.Count;
                wall.Stop();
                proc.Refresh();
                bestCpu = Math.Min(bestCpu, (proc.TotalProcessorTime - cpu0).TotalSeconds);
                bestWall = Math.Min(bestWall, wall.Elapsed.TotalSeconds);
                GC.KeepAlive(tokens);
            }
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{corpus}: {docs.Length} documents, {bytes / 1e6:F2} MB: {bytes / 1e6 / bestCpu:F1} MB/s by processor time, {bytes / 1e6 / bestWall:F1} MB/s by wall-clock time (best of {rounds})"));
        }
    }
}
