using Hadath.Arabic;
using Hadath.Core.Diagnostics;

namespace Hadath.Arabic.Tests;

public class LexiconTests
{
    private static Func<string, IEnumerable<(int, string)>> Files(Dictionary<string, string> contents) =>
        file => (contents.TryGetValue(file, out var text) ? text : "").Split('\n').Select((l, i) => (i + 1, l));

    [Fact]
    public void The_shipped_lists_load_and_classify_words()
    {
        var lex = ArabicLexicon.Default;
        Assert.True(lex.Count > 80_000);
        Assert.True((lex.Lookup("كتاب") & WordClass.Noun) != 0);
        Assert.True((lex.Lookup("يمكن") & WordClass.Verb) != 0);
        var ala = lex.Lookup(Normalizer.Normalize("على"));
        Assert.True((ala & WordClass.Function) != 0 && (ala & WordClass.TakesEnclitic) != 0);
        Assert.True((lex.Lookup("ويتكوف") & WordClass.Whole) != 0);
        Assert.True(lex.TryGetFixed("مما", out var mm) && mm == new FixedSegmentation(1, 0));
        Assert.Equal(WordClass.None, lex.Lookup("كتابكتاب"));
    }

    [Fact]
    public void Entries_are_normalised_when_loaded()
    {
        var lex = ArabicLexicon.Load(Files(new() { ["arabic/ayaspell-stems.tsv"] = "إِرْهَاب\tN\nمَشى\tV" }));
        Assert.Equal(WordClass.Noun, lex.Lookup("ارهاب"));
        Assert.Equal(WordClass.Verb, lex.Lookup("مشي"));
    }

    [Theory]
    [InlineData("arabic/ayaspell-stems.tsv", "# comment\nكتاب\tX", "data/arabic/ayaspell-stems.tsv:2:")]
    [InlineData("arabic/ayaspell-stems.tsv", "كتاب", "data/arabic/ayaspell-stems.tsv:1:")]
    [InlineData("arabic/function-words.tsv", "في\tوفز\t+\tP", "data/arabic/function-words.tsv:1:")]
    [InlineData("arabic/function-words.tsv", "في\tوف\t?\tP", "data/arabic/function-words.tsv:1:")]
    [InlineData("arabic/function-words.tsv", "في\tوف\t+\tZ", "data/arabic/function-words.tsv:1:")]
    [InlineData("arabic/whole-words.txt", "\nبوتين ترامب", "data/arabic/whole-words.txt:2:")]
    [InlineData("arabic/segmentations.tsv", "مما\tم\tمن\t", "data/arabic/segmentations.tsv:1:")]
    public void A_bad_line_is_reported_with_its_file_and_line(string file, string content, string where)
    {
        var e = Assert.Throws<HadathException>(() => ArabicLexicon.Load(Files(new() { [file] = content })));
        Assert.Equal(ErrorCode.LexiconLine, e.Code);
        Assert.Contains(where, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("E101: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_analyst_can_add_a_whole_word()
    {
        var lex = ArabicLexicon.Load(Files(new()
        {
            ["arabic/ayaspell-stems.tsv"] = "قال\tV\nرنسا\tN",
            ["arabic/whole-words.txt"] = "فرنسا",
        }));
        var seg = new CliticSegmenter(lex);
        Assert.True(seg.Analyze("فرنسا").Protected);
        Assert.Equal(1, seg.Analyze("وقال").Proclitic);
    }
}
