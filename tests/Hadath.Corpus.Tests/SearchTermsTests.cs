using Hadath.Corpus.Search;

namespace Hadath.Corpus.Tests;

public class SearchTermsTests
{
    private static bool Finds(string query, string word) =>
        ArabicSearchTerms.Matches(ArabicSearchTerms.ForWord(word), ArabicSearchTerms.ForQuery(query));

    [Theory]
    [InlineData("موسكو", "وموسكو")]
    [InlineData("موسكو", "بموسكو")]
    [InlineData("موسكو", "فموسكو")]
    [InlineData("موسكو", "موسكو")]
    [InlineData("السلطة", "للسلطة")]
    [InlineData("سلطة", "وللسلطة")]
    [InlineData("الحكومة", "والحكومة")]
    [InlineData("حكومة", "بالحكومة")]
    public void Proclitics_and_the_article_are_found(string query, string word) => Assert.True(Finds(query, word));

    [Theory]
    [InlineData("مظاهرة", "المظاهرات")]
    [InlineData("مظاهرة", "مظاهرات")]
    [InlineData("المظاهرات", "مظاهرة")]
    [InlineData("مظاهرة", "والمظاهرات")]
    [InlineData("مظاهرة", "مظاهرتين")]
    [InlineData("مسؤول", "المسؤولين")]
    [InlineData("مسؤول", "مسؤولون")]
    [InlineData("ولاية", "الولايات")]
    public void Plural_and_feminine_forms_are_found(string query, string word) => Assert.True(Finds(query, word));

    [Theory]
    [InlineData("ويتكوف")]
    [InlineData("بوتين")]
    [InlineData("لبنان")]
    [InlineData("واشنطن")]
    [InlineData("فلاديمير")]
    public void A_name_keeps_its_full_form_and_its_last_letters(string name)
    {
        var terms = ArabicSearchTerms.ForWord(name);
        Assert.Equal(name, terms.Surface[0]);
        Assert.Equal(name, ArabicSearchTerms.LightStem(name).ToString());
        Assert.True(Finds(name, name));
        Assert.Empty(ArabicSearchTerms.ForQuery(name).Stems);
    }

    [Theory]
    [InlineData("ويتكوف", "يتكوف")]
    [InlineData("بوتين", "بوتات")]
    [InlineData("موسكو", "موس")]
    [InlineData("مظاهرة", "ظاهرة")]
    public void Different_words_do_not_match(string query, string word) => Assert.False(Finds(query, word));

    [Fact]
    public void Search_normalisation_folds_alef_teh_marbuta_diacritics_and_digits()
    {
        Assert.True(Finds("أوكرانيا", "اوكرانيا"));
        Assert.True(Finds("مُظاهَرة", "المظاهره"));
        Assert.True(Finds("سأل", "سال"));
        Assert.Equal("2025", ArabicSearchTerms.Key("٢٠٢٥"));
    }

    [Fact]
    public void Index_lists_every_word_with_its_forms()
    {
        var idx = ArabicSearchTerms.Index("وصل ويتكوف إلى موسكو، وبموسكو المظاهرات.", "عنوان");
        var surface = idx.Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("ويتكوف", surface);
        Assert.Contains("موسكو", surface);
        Assert.Contains("وبموسكو", surface);
        Assert.Contains("مظاهرات", surface);
        Assert.Contains("عنوان", surface);
        Assert.Contains("مظاهر", idx.Stems.Split(' '));
    }

    [Fact]
    public void Fts_query_quotes_every_term_and_ands_words()
    {
        Assert.Equal("(\"موسكو\") AND (\"مظاهره\" OR \"مظاهر\")", FtsQuery.Build("موسكو مظاهرة"));
        Assert.Equal("(\"موسكو\") OR (\"واشنطن\")", FtsQuery.Build("موسكو OR واشنطن"));
        Assert.Null(FtsQuery.Build("\" * ( ) :"));
        Assert.DoesNotContain("NEAR", FtsQuery.Build("NEAR موسكو") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_marks_the_matching_words_of_the_original_text()
    {
        var text = "قال المتحدث إن وفدا وصل بموسكو أمس. وتجددت المظاهرات في العاصمة.";
        var s = Snippets.Build(text, Snippets.QueryWords("موسكو مظاهرة"), "<", ">");
        Assert.Contains("<بموسكو>", s.Text, StringComparison.Ordinal);
        Assert.Contains("<المظاهرات>", s.Text, StringComparison.Ordinal);
        Assert.Equal(2, s.Highlights.Count);
        foreach (var h in s.Highlights) Assert.Equal(h.Text, text[h.Start..h.End]);
    }
}
