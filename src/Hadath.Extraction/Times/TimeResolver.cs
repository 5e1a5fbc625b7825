using Hadath.Arabic;

namespace Hadath.Extraction.Times;

/// <summary>
/// Re-resolves a recognised time mention against another anchor, e.g. غدا inside a statement made on Tuesday is
/// Wednesday whatever the publication date. The mention's tokens are parsed again with the same grammar.
/// </summary>
public static class TimeResolver
{
    /// <summary>The value of <paramref name="mention"/> counted from <paramref name="anchor"/> (explicit dates keep their value).</summary>
    public static string? Resolve(TimeMention mention, ArabicText text, DateOnly anchor) => Resolve(mention, new TokenForms(text), anchor);

    /// <summary>As <see cref="Resolve(TimeMention, ArabicText, DateOnly)"/>, reusing the document's token forms
    /// (the time recogniser leaves them in the context: <c>context.Find&lt;TokenForms&gt;()</c>).</summary>
    public static string? Resolve(TimeMention mention, TokenForms forms, DateOnly? anchor, TimeLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var spec = Parse(mention, forms, lexicon);
        return spec is null ? mention.Value : spec.Resolve(anchor);
    }

    /// <summary>Re-resolves the mention in place: sets its <see cref="TimeMention.Value"/> and <see cref="TimeMention.Anchor"/>.</summary>
    public static void Reanchor(TimeMention mention, TokenForms forms, DateOnly anchor, TimeLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var spec = Parse(mention, forms, lexicon);
        if (spec is null || !spec.IsRelative) return;
        mention.Value = spec.Resolve(anchor);
        mention.Anchor = anchor;
    }

    /// <summary>What the mention means, before resolution (null when its tokens no longer parse as a time).</summary>
    public static TimeSpec? Parse(TimeMention mention, TokenForms forms, TimeLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(forms);
        if (mention.FirstToken < 0 || mention.EndToken > forms.Count || mention.FirstToken >= mention.EndToken) return null;
        var parser = new TimeParser(forms, lexicon ?? TimeLexicon.Default);
        var p = parser.ParseAt(mention.FirstToken, mention.EndToken, licensed: true);
        return p is not null && p.End == mention.EndToken ? p.Spec : null;
    }
}
