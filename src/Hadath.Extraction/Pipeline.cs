using System.Diagnostics;
using Hadath.Arabic;
using Hadath.Core.Diagnostics;
using Hadath.Core.Model;

namespace Hadath.Extraction;

/// <summary>What flows through the pipeline for one document. Components read what earlier ones wrote.</summary>
public sealed class AnalysisContext
{
    public AnalysisContext(InputDocument input, ArabicText text, AnalyzedDocument output, PipelineOptions? options = null)
    {
        Input = input;
        Text = text;
        Output = output;
        Options = options ?? new PipelineOptions();
    }

    public PipelineOptions Options { get; }

    public InputDocument Input { get; }
    public ArabicText Text { get; }
    public AnalyzedDocument Output { get; }
    public DateOnly? Published => Input.Published;

    /// <summary>Typed annotation layers that components share (entity layer, time layer, quote layer…).</summary>
    public Dictionary<Type, object> Layers { get; } = [];

    public T Get<T>() where T : class =>
        Layers.TryGetValue(typeof(T), out var v) ? (T)v : throw new HadathException(ErrorCode.PipelineOrder, $"no component provided {typeof(T).Name}");

    public T? Find<T>() where T : class => Layers.TryGetValue(typeof(T), out var v) ? (T)v : null;

    public void Set<T>(T layer) where T : class => Layers[typeof(T)] = layer;
}

/// <summary>A named stage with declared inputs and outputs (the layer names it reads and writes).</summary>
public interface IPipelineComponent
{
    string Name { get; }
    IReadOnlyCollection<string> Requires { get; }
    IReadOnlyCollection<string> Provides { get; }
    void Process(AnalysisContext context);
}

public sealed record PipelineOptions
{
    /// <summary>Documents longer than this many characters are refused with E005 (default 2,000,000, about 4 MB of Arabic UTF-8).</summary>
    public int MaxChars { get; init; } = 2_000_000;
    /// <summary>Include the tokens in the output.</summary>
    public bool Tokens { get; init; }
    /// <summary>Include which lexicon entry and rules produced each event.</summary>
    public bool Explain { get; init; }
}

/// <summary>
/// The analysis pipeline: text layer, then the components in order. Immutable and thread-safe once built;
/// validated when built, so a component whose inputs nothing provides fails at start-up.
/// </summary>
public sealed class Pipeline
{
    private readonly IPipelineComponent[] _components;
    private readonly ArabicAnalyzer _arabic;

    public Pipeline(IEnumerable<IPipelineComponent> components, PipelineOptions? options = null, ArabicAnalyzer? arabic = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        _components = [.. components];
        _arabic = arabic ?? ArabicAnalyzer.Default;
        Options = options ?? new PipelineOptions();
        var have = new HashSet<string>(StringComparer.Ordinal) { "text", "sentences", "tokens" };
        foreach (var c in _components)
        {
            var missing = c.Requires.Where(r => !have.Contains(r)).ToList();
            if (missing.Count > 0)
                throw new HadathException(ErrorCode.PipelineOrder,
                    $"{ErrorCode.PipelineOrder}: component '{c.Name}' needs {string.Join(", ", missing)}, which no earlier component provides (order: {string.Join(" → ", _components.Select(x => x.Name))})");
            have.UnionWith(c.Provides);
        }
    }

    public PipelineOptions Options { get; }
    public IReadOnlyList<string> ComponentNames => [.. _components.Select(c => c.Name)];

    /// <summary>Analyses one document. Never throws for bad input: problems come back as the document's error.</summary>
    public AnalyzedDocument Analyze(InputDocument input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Text;
        if (text.Length > Options.MaxChars)
            return AnalyzedDocument.Failed(input.Id, ErrorCode.TooLarge,
                $"document has {text.Length:N0} characters; the limit is {Options.MaxChars:N0} (--max-chars)");
        if (string.IsNullOrWhiteSpace(text))
            return AnalyzedDocument.Failed(input.Id, ErrorCode.EmptyText, "document text is empty");
        var output = new AnalyzedDocument
        {
            Id = input.Id,
            Published = input.Published?.ToString("yyyy-MM-dd"),
            Url = input.Url,
            Title = input.Title,
        };
        try
        {
            var arabic = _arabic.Analyze(text);
            foreach (var s in arabic.Sentences) output.Sentences.Add(new SentenceOut(s.Start, s.End));
            if (Options.Tokens) output.Tokens = TokensOut(arabic);
            var context = new AnalysisContext(input, arabic, output, Options);
            foreach (var c in _components) c.Process(context);
            return output;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Debug.WriteLine(e);
            return AnalyzedDocument.Failed(input.Id, ErrorCode.PipelineFailure, $"analysis failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static List<TokenOut> TokensOut(ArabicText t)
    {
        var list = new List<TokenOut>(t.Tokens.Count);
        foreach (var tok in t.Tokens)
        {
            List<string>? segs = null;
            if (tok.ProcliticLength > 0 || tok.EncliticLength > 0)
            {
                segs = [];
                for (var i = 0; i < tok.ProcliticLength; i++) segs.Add(t.Text.Substring(tok.Start + i, 1));
                segs.Add(tok.Stem.Of(t.Text).ToString());
                if (tok.EncliticLength > 0) segs.Add(tok.Enclitic.Of(t.Text).ToString());
            }
            list.Add(new TokenOut(t.Text.Substring(tok.Start, tok.Length), tok.Start, tok.End, tok.Kind.ToString().ToLowerInvariant(), segs));
        }
        return list;
    }
}
