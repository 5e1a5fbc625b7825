using System.CommandLine;
using System.Text;
using Hadath.Cli.Commands;

namespace Hadath.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        var root = new RootCommand("hadath (حدث): reads Arabic news and writes who did what to whom, when, where, and according to whom.")
        {
            AnalyzeCommand.Create(),
            TokenizeCommand.Create(),
            BenchCommand.Create(),
            CorpusIngestCommand.Create(),
            CorpusSearchCommand.Create(),
            CorpusEventsCommand.Create(),
            CorpusStatsCommand.Create(),
            CorpusExportCommand.Create(),
            KbCommand.Create(),
            ServeCommand.Create(),
            ScaleCommands.Migrate(),
            ScaleCommands.Enqueue(),
            ScaleCommands.Worker(),
        };
        return root.Parse(args).Invoke();
    }
}
