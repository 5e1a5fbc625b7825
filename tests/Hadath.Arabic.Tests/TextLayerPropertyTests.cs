using CsCheck;
using Hadath.Arabic;

namespace Hadath.Arabic.Tests;

/// <summary>Arbitrary Unicode in: nothing throws, offsets are in bounds and increasing, and the text is rebuilt from them.</summary>
public class TextLayerPropertyTests
{
    // Mostly Arabic, with digits, punctuation, quotes, controls, surrogates and anything else mixed in.
    private static readonly Gen<char> ArabicishChar = Gen.Frequency(
        (6, Gen.Char['\u0600', '\u06FF']),
        (1, Gen.Char['\uFB50', '\uFEFF']),
        (2, Gen.OneOfConst(' ', '\n', '.', '،', '؟', '"', '«', '»', '…', '\u200C', '\u200F', '\r', '\t', '3', '٣')),
        (1, Gen.Char['\u0000', '\u007F']),
        (1, Gen.Char));

    private static readonly Gen<string> Texts = Gen.String[ArabicishChar, 0, 300];

    [Fact]
    public void Text_layer_never_throws_and_offsets_are_sound()
    {
        Texts.Sample(text =>
        {
            var analysis = ArabicAnalyzer.Default.Analyze(text);
            var last = 0;
            foreach (var s in analysis.Sentences)
            {
                Assert.True(s.Start >= last && s.End > s.Start && s.End <= text.Length);
                last = s.End;
            }
            last = 0;
            foreach (var t in analysis.Tokens)
            {
                Assert.True(t.Start >= last && t.End > t.Start && t.End <= text.Length, $"token {t} after {last}");
                Assert.True(t.Stem.Start >= t.Start && t.Stem.End <= t.End && t.Stem.Start <= t.Stem.End);
                last = t.End;
            }
            // the original is rebuilt from the offsets: tokens and the gaps between them
            var rebuilt = new System.Text.StringBuilder();
            var pos = 0;
            foreach (var t in analysis.Tokens)
            {
                var gap = text[pos..t.Start];
                Assert.True(gap.All(c => Tokenizer.Classify(c) is Tokenizer.CharClass.Space or Tokenizer.CharClass.Control), $"gap {gap} is not space");
                rebuilt.Append(gap).Append(text, t.Start, t.Length);
                pos = t.End;
            }
            rebuilt.Append(text, pos, text.Length - pos);
            Assert.Equal(text, rebuilt.ToString());
        }, iter: 2000);
    }

    [Fact]
    public void Normalized_view_maps_every_char_into_the_original()
    {
        Texts.Sample(text =>
        {
            var view = Normalizer.View(text, NormalizationOptions.Search);
            var prev = -1;
            for (var i = 0; i < view.Text.Length; i++)
            {
                var o = view.ToOriginal(i);
                Assert.InRange(o, 0, text.Length - 1);
                Assert.True(o >= prev);
                prev = o;
            }
        }, iter: 2000);
    }

    // Words built from the letters clitics are made of, and others, with diacritics and ligatures now and then.
    private static readonly Gen<string> Words = Gen.String[Gen.Frequency(
        (8, Gen.OneOfConst('و', 'ف', 'ب', 'ك', 'ل', 'س', 'ا', 'ه', 'م', 'ن', 'ي', 'ى', 'ة', 'ت', 'ء', 'ؤ', 'ئ')),
        (4, Gen.Char['\u0621', '\u064A']),
        (1, Gen.OneOfConst('\u064E', '\u0650', '\u0651', '\u0654', '\u0640', '\uFEFB', '\uFEDF', '\u200C'))), 1, 14];

    [Fact]
    public void Segmentation_keeps_a_stem_and_at_most_three_proclitics()
    {
        Words.Sample(word =>
        {
            var analysis = ArabicAnalyzer.Default.Analyze(word);
            Span<TextSpan> parts = stackalloc TextSpan[4];
            for (var t = 0; t < analysis.Tokens.Count; t++)
            {
                var tok = analysis.Tokens[t];
                Assert.True(tok.Stem.Length > 0, $"empty stem in {word}");
                Assert.True(tok.ProcliticLength + tok.EncliticLength < tok.Length);
                var n = CliticSegmenter.ProcliticParts(word, tok, parts);
                Assert.InRange(n, 0, 3);
                for (var i = 0; i < n; i++)
                {
                    Assert.True(parts[i].Start >= tok.Start && parts[i].End <= tok.Stem.Start);
                    Assert.True(i == 0 || parts[i].Start == parts[i - 1].End);
                }
                Assert.NotNull(analysis.Stems[t]);
                Assert.Equal(tok, CliticSegmenter.Default.Segment(word, tok with { ProcliticLength = 0, EncliticLength = 0, Flags = TokenFlags.None }));
            }
        }, iter: 5000);
    }
}
