using Hadath.Extraction;

namespace Hadath.Cli.Commands;

/// <summary>Builds the default pipeline once per process.</summary>
internal static class PipelineFactory
{
    public static Pipeline Create(PipelineOptions options) => DefaultPipeline.Create(options);
}
