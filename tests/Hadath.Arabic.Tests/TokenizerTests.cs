using Hadath.Arabic;

namespace Hadath.Arabic.Tests;

public class TokenizerTests
{
    private static string[] Surface(string text) => [.. Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End])];

    [Fact]
    public void Splits_punctuation_and_keeps_numbers_whole()
    {
        Assert.Equal(["استمر", "اللقاء", "حوالي", "3.5", "ساعات", "."], Surface("استمر اللقاء حوالي 3.5 ساعات."));
        Assert.Equal(["2025", "/", "08", "/", "06"], Surface("2025/08/06"));
        Assert.Equal(["«", "شكري", "»", "،"], Surface("«شكري»،"));
        Assert.Equal(["١٬٢٠٠", "متظاهر"], Surface("١٬٢٠٠ متظاهر"));
    }

    [Fact]
    public void Keeps_diacritics_and_tatweel_inside_the_word()
    {
        Assert.Equal(["هجومًا", "عسكريـا"], Surface("هجومًا عسكريـا"));
    }

    [Fact]
    public void Latin_words_are_foreign_tokens()
    {
        var toks = Tokenizer.Tokenize("قالت Reuters إن");
        Assert.Equal(TokenKind.Foreign, toks[1].Kind);
    }
}
