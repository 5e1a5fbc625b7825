using System.Globalization;

namespace Hadath.Arabic;

/// <summary>
/// Reads numbers in Arabic text: digits in any script (3, ٣, ۳, 3.5, ٣٫٥, 1,200, ١٬٢٠٠) optionally followed by a
/// scale word (3 ملايين, 1.5 مليار), number words and their compounds (خمسة وعشرين, ثلاثة آلاف, ألف وخمسمئة, أحد عشر),
/// ordinals (الخامسة, الحادي عشر, الحادي والعشرين), fractions (نصف, ربع) and dual nouns (غواصتين → 2 × غواصة).
/// Words may carry proclitics (وثلاثة, بخمسة, للخامسة); spans start after them. Pure functions; no state.
/// </summary>
public static class ArabicNumbers
{
    /// <summary>All numbers of a text in order, none overlapping.</summary>
    public static IReadOnlyList<NumberMatch> Find(ArabicText text) => Find(new TokenForms(text));

    /// <summary>All numbers of a text in order, none overlapping, reusing precomputed token forms.</summary>
    public static IReadOnlyList<NumberMatch> Find(TokenForms forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var list = new List<NumberMatch>();
        for (var s = 0; s < forms.Text.Sentences.Count; s++)
        {
            var range = forms.Text.TokensOf(s);
            var end = range.End.Value;
            for (var i = range.Start.Value; i < end;)
            {
                if (TryRead(forms, i, end, out var m)) { list.Add(m); i = m.EndToken; }
                else i++;
            }
        }
        return list;
    }

    /// <summary>Reads the number that starts at token <paramref name="token"/> (not crossing <paramref name="limit"/>), if any.</summary>
    public static bool TryRead(TokenForms forms, int token, int limit, out NumberMatch match)
    {
        ArgumentNullException.ThrowIfNull(forms);
        match = default;
        limit = Math.Min(limit, forms.Count);
        if (token < 0 || token >= limit) return false;
        var tokens = forms.Text.Tokens;
        if (tokens[token].Kind == TokenKind.Number)
        {
            if (!TryParseDigits(forms[token], out var v)) return false;
            var end = token + 1;
            if (end < limit && forms.TryLookup(NumberWords.Lookup, end, out var scale) && scale.Proclitics == Proclitics.None &&
                scale.Value.Class is NumberWordClass.Scale or NumberWordClass.ScalePlural)
            {
                v *= scale.Value.Value;
                end++;
            }
            match = new NumberMatch(new TextSpan(tokens[token].Start, tokens[end - 1].End), token, end, v, NumberKind.Cardinal) { Digits = true };
            return true;
        }
        if (!forms.TryLookup(NumberWords.Lookup, token, out var hit)) return TryAgreeingDual(forms, token, limit, out match);
        var w = hit.Value;
        switch (w.Class)
        {
            case NumberWordClass.DualNoun:
                match = new NumberMatch(new TextSpan(hit.Start, tokens[token].End), token, token + 1, 2, NumberKind.Dual, w.Singular);
                return true;
            case NumberWordClass.Fraction:
                match = new NumberMatch(new TextSpan(hit.Start, tokens[token].End), token, token + 1, w.Value, NumberKind.Fraction);
                return true;
            case NumberWordClass.OrdinalUnit or NumberWordClass.OrdinalTeenPrefix:
                return ReadOrdinal(forms, token, limit, hit, out match);
            case NumberWordClass.Tens when w.Definite && hit.Proclitics == Proclitics.None:
                // العشرين alone is an ordinal (الذكرى العشرين); after a definite unit it is read as part of the cardinal.
                match = new NumberMatch(new TextSpan(hit.Start, tokens[token].End), token, token + 1, w.Value, NumberKind.Ordinal);
                return true;
            default:
                return ReadCardinal(forms, token, limit, hit, out match);
        }
    }

    /// <summary>
    /// A feminine dual outside the closed list, recognised by agreement: a noun in -تين/-تان followed by an adjective
    /// with the same ending (غواصتين نوويتين, سيارتين مفخختين, دولتين عربيتين). The singular is the stem + ة.
    /// </summary>
    private static bool TryAgreeingDual(TokenForms forms, int token, int limit, out NumberMatch match)
    {
        match = default;
        if (token + 1 >= limit || forms.Kind(token) != TokenKind.Word || forms.Kind(token + 1) != TokenKind.Word) return false;
        var w = forms[token].AsSpan();
        var p = 0;
        if (w.Length >= 7 && w[0] is 'و' or 'ف') p = 1;
        if (w.Length - p >= 7 && w[p] is 'ب' or 'ل' or 'ك' && w[p + 1] != 'ا') p++;
        var noun = w[p..];
        if (noun.StartsWith("ال")) noun = noun[2..];
        if (noun.Length < 6 || !(noun.EndsWith("تين") || noun.EndsWith("تان"))) return false;
        var suffix = noun[^3..];
        var next = forms[token + 1].AsSpan();
        if (next.Length < 5 || !next.EndsWith(suffix)) return false;
        // the head noun only: in غواصتين نوويتين أمريكيتين, نوويتين agrees with the noun before it
        if (token > 0 && forms.Kind(token - 1) == TokenKind.Word && forms[token - 1].AsSpan().EndsWith(suffix)) return false;
        var singular = string.Concat(noun[..^3], "ة");
        match = new NumberMatch(new TextSpan(forms.OriginalOffset(token, p), forms.Text.Tokens[token].End), token, token + 1, 2, NumberKind.Dual, singular);
        return true;
    }

    /// <summary>Reads a digit string (any script, with . ٫ decimal and , ٬ thousands separators), normalised or not.</summary>
    public static bool TryParseDigits(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 40) return false;
        Span<char> buf = stackalloc char[s.Length];
        int dots = 0, commas = 0, lastComma = -1;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var d = Normalizer.DigitValue(c);
            if (d >= 0) { buf[i] = (char)('0' + d); continue; }
            if (c is '.' or '\u066B') { buf[i] = '.'; dots++; continue; }
            if (c is ',' or '\u066C') { buf[i] = ','; commas++; lastComma = i; continue; }
            return false;
        }
        if (dots > 1 || Normalizer.DigitValue(s[0]) < 0 || Normalizer.DigitValue(s[^1]) < 0) return false;
        if (commas > 0)
        {
            // 1,200 and 1,200,000 (groups of three) are thousands; 3,5 is a decimal comma
            var grouped = dots == 0 || buf.IndexOf('.') > lastComma;
            var digitsSinceComma = -1;
            for (var i = 0; i < buf.Length && grouped; i++)
            {
                if (buf[i] == ',') { if (digitsSinceComma is >= 0 and not 3) grouped = false; digitsSinceComma = 0; continue; }
                if (buf[i] == '.') break;
                if (digitsSinceComma >= 0) digitsSinceComma++;
            }
            if (grouped && digitsSinceComma != 3) grouped = false;
            if (grouped)
            {
                Span<char> tmp = stackalloc char[buf.Length];
                var n = 0;
                foreach (var c in buf) if (c != ',') tmp[n++] = c;
                return double.TryParse(tmp[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            }
            if (commas == 1 && dots == 0)
            {
                buf[lastComma] = '.';
                return double.TryParse(buf, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
            }
            return false;
        }
        return double.TryParse(buf, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The value of a single normalised number word (ثلاثة → 3, الخامسة → 5, مئتين → 200), if it is one.</summary>
    public static bool TryParseWord(ReadOnlySpan<char> normalized, out double value, out NumberKind kind)
    {
        value = 0;
        kind = NumberKind.Cardinal;
        if (!NumberWords.Lookup.TryGetValue(normalized, out var w)) return false;
        value = w.Value;
        kind = w.Class switch
        {
            NumberWordClass.OrdinalUnit or NumberWordClass.OrdinalTeenPrefix => NumberKind.Ordinal,
            NumberWordClass.Fraction => NumberKind.Fraction,
            NumberWordClass.DualNoun => NumberKind.Dual,
            _ => NumberKind.Cardinal,
        };
        return w.Class is not (NumberWordClass.TeenPrefix or NumberWordClass.OrdinalTeenPrefix or NumberWordClass.ScalePlural);
    }

    private static bool ReadOrdinal(TokenForms forms, int token, int limit, WordHit<NumberWord> hit, out NumberMatch match)
    {
        var tokens = forms.Text.Tokens;
        var value = hit.Value.Value;
        var end = token + 1;
        if (end < limit && forms.TryLookup(NumberWords.Lookup, end, out var next))
        {
            if (next.Value.Class == NumberWordClass.Ten && next.Proclitics == Proclitics.None)
            {
                value += 10;
                end++;
            }
            else if (next.Value.Class == NumberWordClass.Tens && next.Proclitics == Proclitics.Conjunction && (next.Value.Definite || !hit.Value.Definite))
            {
                value += next.Value.Value;
                end++;
            }
        }
        if (hit.Value.Class == NumberWordClass.OrdinalTeenPrefix && end == token + 1) { match = default; return false; }
        match = new NumberMatch(new TextSpan(hit.Start, tokens[end - 1].End), token, end, value, NumberKind.Ordinal);
        return true;
    }

    private static bool ReadCardinal(TokenForms forms, int token, int limit, WordHit<NumberWord> first, out NumberMatch match)
    {
        match = default;
        var tokens = forms.Text.Tokens;
        double total = 0, group = 0;
        var last = NumberWordClass.Unit;
        var end = token;
        var hit = first;
        var lastScale = double.MaxValue;
        while (true)
        {
            var w = hit.Value;
            var consumed = 1;
            switch (w.Class)
            {
                case NumberWordClass.Unit:
                    // a unit followed by عشر/عشرة is a teen: ثلاثة عشر
                    if (end + 1 < limit && forms.TryLookup(NumberWords.Lookup, end + 1, out var ten) && ten.Value.Class == NumberWordClass.Ten && ten.Proclitics == Proclitics.None)
                    {
                        group += w.Value + 10;
                        consumed = 2;
                    }
                    else group += w.Value;
                    break;
                case NumberWordClass.TeenPrefix:
                    if (end + 1 < limit && forms.TryLookup(NumberWords.Lookup, end + 1, out var ten2) && ten2.Value.Class == NumberWordClass.Ten && ten2.Proclitics == Proclitics.None)
                    {
                        group += w.Value + 10;
                        consumed = 2;
                    }
                    else if (end == token) return false;
                    else goto done;
                    break;
                case NumberWordClass.Ten or NumberWordClass.Tens:
                    group += w.Value;
                    break;
                case NumberWordClass.Hundreds:
                    if (w.Value == 100 && group is >= 1 and <= 9 && last == NumberWordClass.Unit && hit.Proclitics == Proclitics.None) group *= 100;
                    else group += w.Value;
                    break;
                case NumberWordClass.Scale:
                    if (w.Value >= lastScale) goto done;
                    total += (group == 0 ? 1 : group) * w.Value;
                    group = 0;
                    lastScale = w.Value;
                    break;
                case NumberWordClass.ScaleDual:
                    if (group != 0 || w.Value / 2 >= lastScale) goto done;
                    total += w.Value;
                    lastScale = w.Value / 2;
                    break;
                case NumberWordClass.ScalePlural:
                    if (group is < 3 or > 10 || w.Value >= lastScale)
                    {
                        if (end == token) return false; // آلاف alone is vague
                        goto done;
                    }
                    total += group * w.Value;
                    group = 0;
                    lastScale = w.Value;
                    break;
                default:
                    if (end == token) return false;
                    goto done;
            }
            last = w.Class;
            end += consumed;
            if (end >= limit || !forms.TryLookup(NumberWords.Lookup, end, out var next)) break;
            if (!Continues(last, group, total, next)) break;
            hit = next;
        }
        done:
        if (end == token) return false;
        var value = total + group;
        if (value == 0) return false;
        // خمسة ونصف: a trailing "and a half"
        if (end < limit && forms.TryLookup(NumberWords.Lookup, end, out var half) && half.Value.Class == NumberWordClass.Fraction &&
            half.Value.Value == 0.5 && half.Proclitics == Proclitics.Conjunction)
        {
            value += 0.5;
            end++;
        }
        match = new NumberMatch(new TextSpan(first.Start, tokens[end - 1].End), token, end, value, NumberKind.Cardinal);
        return true;
    }

    /// <summary>Whether a number word continues a compound after a word of class <paramref name="last"/>.</summary>
    private static bool Continues(NumberWordClass last, double group, double total, WordHit<NumberWord> next)
    {
        var c = next.Value.Class;
        var conj = next.Proclitics == Proclitics.Conjunction;
        if (next.Proclitics == Proclitics.Preposition || (next.Proclitics & Proclitics.Preposition) != 0) return false;
        return last switch
        {
            // خمسة وعشرين; ثلاثة آلاف; ثلاث مئة
            NumberWordClass.Unit or NumberWordClass.Ten or NumberWordClass.TeenPrefix =>
                (conj && c == NumberWordClass.Tens && group < 10) ||
                (!conj && c is NumberWordClass.Scale or NumberWordClass.ScalePlural) ||
                (!conj && c == NumberWordClass.Hundreds && next.Value.Value == 100 && group < 10),
            // عشرون ألفا; مئة وخمسون; مئة ألف
            NumberWordClass.Tens => !conj && c == NumberWordClass.Scale,
            NumberWordClass.Hundreds =>
                (conj && c is NumberWordClass.Unit or NumberWordClass.Ten or NumberWordClass.Tens or NumberWordClass.TeenPrefix) ||
                (!conj && c == NumberWordClass.Scale),
            // ألف وخمسمئة; مليون ومئتا ألف
            NumberWordClass.Scale or NumberWordClass.ScaleDual or NumberWordClass.ScalePlural =>
                conj && total > 0 && c is NumberWordClass.Unit or NumberWordClass.Ten or NumberWordClass.Tens or NumberWordClass.Hundreds or NumberWordClass.TeenPrefix or NumberWordClass.Scale or NumberWordClass.ScaleDual,
            _ => false,
        };
    }
}
