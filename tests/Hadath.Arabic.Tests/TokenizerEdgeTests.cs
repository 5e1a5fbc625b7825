using Hadath.Arabic;

namespace Hadath.Arabic.Tests;

/// <summary>How numbers, times, dots, tatweel, hyphens and foreign words are tokenised (as UD Arabic-PUD does).</summary>
public class TokenizerEdgeTests
{
    private static string[] Surface(string text) => [.. Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End])];

    [Fact]
    public void An_ellipsis_of_dots_is_one_token() =>
        Assert.Equal(["الناس", "...", "و"], Surface("الناس... و"));

    [Fact]
    public void A_clock_time_is_one_number()
    {
        Assert.Equal(["الساعة", "23:45", "."], Surface("الساعة 23:45."));
        Assert.Equal(["9:30"], Surface("9:30"));
        Assert.Equal(["النتيجة", "2", ":", "1"], Surface("النتيجة 2:1")); // a score is not a time
        Assert.Equal(["2025", ":", "12"], Surface("2025:12"));
    }

    [Fact]
    public void Decimals_and_thousands_stay_whole_and_percent_is_its_own_token()
    {
        Assert.Equal(["1,5", "%"], Surface("1,5%"));
        Assert.Equal(["45", "٪"], Surface("45٪"));
    }

    [Fact]
    public void A_tatweel_at_the_edge_of_a_word_is_a_dash()
    {
        Assert.Equal(["الإحصاء", "ـ", "ويبدو"], Surface("الإحصاءـ ويبدو"));
        Assert.Equal(["العالم", "ـ", "وبالتالي"], Surface("العالم ـوبالتالي"));
        Assert.Equal(["هجومـــا"], Surface("هجومـــا"));
        Assert.Equal(["الـ", "20"], Surface("الـ20"));
        var dash = Tokenizer.Tokenize("ـ");
        Assert.Equal(TokenKind.Punctuation, Assert.Single(dash).Kind);
    }

    [Fact]
    public void Hyphens_split_Arabic_words_and_numbers()
    {
        Assert.Equal(["جوليو", "-", "كوري"], Surface("جوليو-كوري"));
        Assert.Equal(["بي", "-", "29"], Surface("بي-29"));
        Assert.Equal(["wi-fi"], Surface("wi-fi"));
    }

    [Fact]
    public void Dotless_and_Maghrebi_letters_are_Arabic()
    {
        var toks = Tokenizer.Tokenize("ڨالمة ٯ");
        Assert.All(toks, t => Assert.Equal(TokenKind.Word, t.Kind));
    }
}
