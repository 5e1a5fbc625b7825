using Hadath.Extraction.Entities;
using Hadath.Knowledge.Kb;
using Hadath.Extraction.Quotes;

namespace Hadath.Extraction;

/// <summary>The standard component order: knowledge lookup, then extraction.</summary>
public static class DefaultPipeline
{
    public static Pipeline Create(PipelineOptions? options = null) => new(
    [
        new EntityRecognizer(KnowledgeBase.Default),
        new QuoteRecognizer(),
    ], options);
}
