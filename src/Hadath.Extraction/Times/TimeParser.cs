using System.Collections.Frozen;
using System.Globalization;
using Hadath.Arabic;

namespace Hadath.Extraction.Times;

/// <summary>
/// One parsed time expression: tokens [First, End), its meaning, and, for a clock time on a day, the day alone
/// (<see cref="Inner"/>), which is reported as a mention of its own. <see cref="Weekday"/> is the weekday it names, if any.
/// </summary>
internal sealed record TimeParse(int First, int End, TimeSpec Spec, TimeParse? Inner = null, int? Weekday = null);

/// <summary>
/// A hand-written grammar of Arabic time expressions over <see cref="TokenForms"/>: closed-class words are looked up
/// with their proclitics peeled, so the parse does not depend on the clitic segmenter. Every method reads tokens
/// from a start index up to a limit and returns the longest expression it recognises there, or null.
/// </summary>
internal sealed class TimeParser(TokenForms forms, TimeLexicon lexicon)
{
    private readonly TokenForms _f = forms;
    private readonly TimeLexicon _lex = lexicon;

    private static readonly FrozenSet<string> DurationPreps = FrozenSet.ToFrozenSet(
        ["لمدة", "مدة", "بعد", "قبل", "منذ", "خلال", "طيلة", "طوال", "عقب", "اثر", "نحو", "حوالي", "قرابة", "زهاء", "علي"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> HijriHonorifics = FrozenSet.ToFrozenSet(["المبارك", "الكريم", "الفضيل", "المعظم"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Decades = BuildDecades();

    /// <summary>What licenses a reading: a preposition before it, a boundary word (نهاية الأسبوع), a duration preposition.</summary>
    private readonly record struct Ctx(bool Licensed, bool Boundary, bool DurationPrep);

    /// <summary>The longest time expression starting at token <paramref name="i"/> (a leading preposition included).</summary>
    public TimeParse? ParseAt(int i, int limit, bool licensed = false)
    {
        if (i >= limit) return null;
        var best = Core(i, limit, new Ctx(licensed, false, false));
        // up to two prepositions / boundary words: في, خلال, حتى, منذ, لمدة, على مدى, حتى نهاية, في مطلع
        var k = i;
        var boundary = false;
        var durationPrep = false;
        for (var n = 0; n < 2 && k < limit; n++)
        {
            if (!Word(k, out var w, out var hit) || hit.Proclitics.HasFlag(Proclitics.Preposition)) break;
            if (w.Kind == TimeWordKind.Prep)
            {
                var bare = Bare(k);
                durationPrep |= DurationPreps.Contains(bare);
                k++;
                if (bare == "علي" && k < limit && (_f.Is(k, "مدي") || _f.Is(k, "مدار"))) k++;
                else if (bare == "علي" && !(k < limit && Word(k, out var c, out _) && c.Kind == TimeWordKind.Clock)) break;
            }
            else if (w.Kind == TimeWordKind.Boundary) { boundary = true; k++; }
            else break;
            var inner = Core(k, limit, new Ctx(true, boundary, durationPrep));
            if (inner is not null && (best is null || inner.End > best.End)) best = inner with { First = i };
        }
        return best;
    }

    private TimeParse? Core(int j, int limit, Ctx ctx)
    {
        if (j >= limit) return null;
        TimeParse? best = null;
        void Take(TimeParse? p)
        {
            if (p is not null && (best is null || p.End > best.End)) best = p;
        }
        Take(Clock(j, limit));
        Take(DayExpression(j, limit, ctx));
        Take(Year(j, limit, ctx));
        Take(RelativePeriod(j, limit, ctx));
        Take(Season(j, limit, ctx));
        Take(Duration(j, limit, ctx));
        Take(Decade(j));
        return best;
    }

    // ------------------------------------------------------------------ days

    /// <summary>[صباح|مساء|ليلة …] day, then an optional clock time (الأحد 29-11-2020 19:45).</summary>
    private TimeParse? DayExpression(int j, int limit, Ctx ctx)
    {
        TimeParse? day = null;
        if (Word(j, out var w, out _) && w.Kind == TimeWordKind.DayPart)
        {
            var k = j + 1;
            if (k < limit && _f.Is(k, "من")) k++; // في صباح من يوم …
            var inner = DayCore(k, limit, ctx);
            if (inner is not null) day = inner with { First = j };
        }
        day ??= DayCore(j, limit, ctx);
        if (day is null) return null;
        return ClockAfter(day, limit) ?? day;
    }

    private TimeParse? DayCore(int j, int limit, Ctx ctx)
    {
        if (j >= limit) return null;
        var hasWord = Word(j, out var w, out var hit);
        if (hasWord)
        {
            switch (w.Kind)
            {
                case TimeWordKind.Today:
                    return Today(j, limit);
                case TimeWordKind.Now:
                    return new TimeParse(j, j + 1, new VagueSpec("date", true));
                case TimeWordKind.Every:
                    var every = Bare(j) switch { "يوميا" => TimeUnit.Day, "اسبوعيا" => TimeUnit.Week, "شهريا" => TimeUnit.Month, "ساعيا" => TimeUnit.Hour, _ => TimeUnit.Year };
                    return new TimeParse(j, j + 1, new SetSpec(every));
                case TimeWordKind.Yesterday:
                    return WithWeekday(j, j + 1, limit, new DayOffsetSpec(-1));
                case TimeWordKind.Tomorrow:
                    return WithWeekday(j, j + 1, limit, new DayOffsetSpec(1));
                case TimeWordKind.Tonight:
                    if (j + 1 < limit && Word(j + 1, out var m, out _))
                    {
                        if (m.Kind == TimeWordKind.Past) return new TimeParse(j, j + 2, new DayOffsetSpec(-1));
                        if (m.Kind == TimeWordKind.Next) return new TimeParse(j, j + 2, new DayOffsetSpec(1));
                    }
                    return new TimeParse(j, j + 1, new DayOffsetSpec(0));
                case TimeWordKind.DayWord:
                    if (j + 1 >= limit) return null;
                    if (Word(j + 1, out var n, out var nh) && nh.Proclitics == Proclitics.None)
                    {
                        // يوم أمس, يوم غد الأربعاء
                        if (n.Kind == TimeWordKind.Yesterday) return WithWeekday(j, j + 2, limit, new DayOffsetSpec(-1));
                        if (n.Kind == TimeWordKind.Tomorrow) return WithWeekday(j, j + 2, limit, new DayOffsetSpec(1));
                    }
                    var wd = Weekday(j + 1, limit);
                    if (wd is not null) return wd with { First = j };
                    var date = CalendarDate(j + 1, limit, ctx with { Licensed = true });
                    return date is { Spec: CalendarDateSpec { Day: not null } } ? date with { First = j } : null;
                case TimeWordKind.Prep when Bare(j) == "بعد" && j + 1 < limit && Word(j + 1, out var t, out var th) &&
                                            t.Kind == TimeWordKind.Tomorrow && th.Proclitics == Proclitics.None:
                    return new TimeParse(j, j + 2, new DayOffsetSpec(2));
            }
        }
        // أول أمس, أول من أمس
        if (Bare(j) == "اول")
        {
            var k = j + 1;
            if (k < limit && _f.Is(k, "من")) k++;
            if (k < limit && Word(k, out var y, out _) && y.Kind == TimeWordKind.Yesterday) return new TimeParse(j, k + 1, new DayOffsetSpec(-2));
        }
        var weekday = Weekday(j, limit);
        if (weekday is not null) return weekday;
        var cd = CalendarDate(j, limit, ctx);
        return cd;
    }

    /// <summary>اليوم, اليوم الأربعاء, اليوم، الأربعاء 23 من شباط; not اليوم العالمي, المصري اليوم; اليوم الأول من … is vague.</summary>
    private TimeParse? Today(int j, int limit)
    {
        if (j > 0 && _f.Kind(j - 1) == TokenKind.Word && TimeWords.OutletsBeforeToday.Contains(_f[j - 1]) && Bare(j) == "اليوم") return null;
        // ذلك اليوم, في نفس اليوم, اليوم نفسه: a day of the narrative, not today
        if (j > 0 && _f[j - 1] is "ذلك" or "ذاك" or "نفس" or "ذات" or "تلك") return new TimeParse(j, j + 1, new VagueSpec("date", false));
        if (j + 1 < limit && _f[j + 1] is "نفسه" or "ذاته" or "عينه") return new TimeParse(j, j + 2, new VagueSpec("date", false));
        // اليوم الذي قتل فيه: "the day when", not today
        if (j + 1 < limit && _f[j + 1] is "الذي" && Bare(j) == "اليوم") return new TimeParse(j, j + 1, new VagueSpec("date", false));
        if (j + 1 < limit && _f.Kind(j + 1) == TokenKind.Word)
        {
            var next = _f[j + 1];
            if (next is "التالي" or "السابق") return new TimeParse(j, j + 2, new VagueSpec("date", false));
            if (TimeWords.NamedDayAdjectives.Contains(next)) return null;
            if (ArabicNumbers.TryRead(_f, j + 1, limit, out var ord) && ord.Kind == NumberKind.Ordinal)
                return new TimeParse(j, ord.EndToken, new VagueSpec("date", false));
        }
        return WithWeekday(j, j + 1, limit, new DayOffsetSpec(0));
    }

    /// <summary>A relative day optionally followed by its weekday and date: أمس الأحد, اليوم، الأربعاء 23 من شباط.</summary>
    private TimeParse WithWeekday(int first, int k, int limit, TimeSpec spec)
    {
        var at = k;
        if (at < limit && IsComma(at)) at++;
        var wd = Weekday(at, limit);
        if (wd is null) return new TimeParse(first, k, spec);
        // an explicit date after the weekday decides the value; otherwise the relative day does
        var explicitDate = wd.Spec is CalendarDateSpec { Year: not null };
        return new TimeParse(first, wd.End, explicitDate ? wd.Spec : spec, Weekday: wd.Weekday);
    }

    /// <summary>A weekday with its modifier and an optional date: الخميس الماضي, الجمعة المقبل, الأحد 29-11-2020, الثلاثاء، 15 ماي، 2018.</summary>
    private TimeParse? Weekday(int j, int limit)
    {
        if (!Name(j, limit, CalendarKind.Weekday, out var name, out var end, out _)) return null;
        if (j > 0 && _f[j - 1] is "سوق" or "الواحد" or "مسجد" or "جامع") return null; // سوق الخميس, الواحد الأحد: names
        var dir = TimeDirection.Default;
        if (end < limit && Word(end, out var m, out var mh) && mh.Proclitics == Proclitics.None)
        {
            if (m.Kind == TimeWordKind.Past) { dir = TimeDirection.Past; end++; }
            else if (m.Kind == TimeWordKind.Next) { dir = TimeDirection.Next; end++; }
            else if (m.Kind == TimeWordKind.Current) { dir = TimeDirection.Current; end++; }
        }
        TimeSpec spec = new WeekdaySpec(name.Number, dir == TimeDirection.Current ? TimeDirection.Default : dir);
        if (dir == TimeDirection.Default)
        {
            var k = end;
            if (k < limit && IsComma(k)) k++;
            var paren = k < limit && (_f.Is(k, '(') || _f.Is(k, '-'));
            if (paren) k++;
            var date = CalendarDate(k, limit, new Ctx(true, false, false));
            if (date is { Spec: CalendarDateSpec { Day: not null } })
            {
                spec = date.Spec;
                end = date.End;
                if (paren && end < limit && _f.Is(end, ')')) end++;
            }
        }
        return new TimeParse(j, end, spec, Weekday: name.Number);
    }

    // ------------------------------------------------------------------ calendar dates

    /// <summary>29-11-2020, 2025/8/6, 6 أغسطس 2025, السادس من أغسطس, 6 آب/أغسطس 2025, أغسطس 2025, شهر رمضان, 24 يناير الماضي, 15 رمضان 1446 هـ.</summary>
    private TimeParse? CalendarDate(int j, int limit, Ctx ctx)
    {
        if (j >= limit) return null;
        var numeric = NumericDate(j, limit);
        if (numeric is not null) return numeric;

        // a day: digits 1–31 or an ordinal word (السادس, الحادي والعشرين)
        var k = j;
        int? day = null;
        if (_f.Kind(k) == TokenKind.Number && Int(k) is { } dn && dn is >= 1 and <= 31 && _f[k].Length <= 2)
        {
            day = dn;
            k++;
        }
        else if (ArabicNumbers.TryRead(_f, k, limit, out var ord) && ord.Kind == NumberKind.Ordinal && ord.Value is >= 1 and <= 31 && ord.IsInteger)
        {
            day = (int)ord.Value;
            k = ord.EndToken;
        }
        if (day is not null)
        {
            var m = k;
            if (m < limit && _f.Is(m, "من")) m++;
            var month = MonthName(m, limit, true, out var monthEnd);
            if (month is null) return null;
            return YearTail(j, monthEnd, limit, month, day);
        }

        // a month without a day
        var licensed = ctx.Licensed;
        var start = j;
        if (Word(j, out var w, out _) && w.Kind == TimeWordKind.MonthWord) { k = j + 1; licensed = true; }
        var name = MonthName(k, limit, true, out var end);
        if (name is null) return null;
        var parse = YearTail(start, end, limit, name, null);
        if (parse.Spec is CalendarDateSpec { Year: null, Direction: TimeDirection.Default } && name.Ambiguous && !licensed) return null;
        return parse;
    }

    /// <summary>A month name (one or two words), with an alternative after / or in parentheses: آب/أغسطس, آب (أغسطس).</summary>
    private CalendarName? MonthName(int k, int limit, bool allowAmbiguous, out int end)
    {
        end = k;
        CalendarName? found = null;
        if (Name(k, limit, CalendarKind.Gregorian, out var g, out var ge, out _)) { found = g; end = ge; }
        else if (Name(k, limit, CalendarKind.Hijri, out var h, out var he, out _)) { found = h; end = he; }
        if (found is null || (found.Ambiguous && !allowAmbiguous)) return null;
        // آب/أغسطس, آب - أغسطس, آب (أغسطس)
        if (end + 1 < limit && (_f.Is(end, '/') || _f.Is(end, '(') || _f.Is(end, '-')) &&
            Name(end + 1, limit, found.Calendar, out var alt, out var altEnd, out _) && alt.Number == found.Number)
        {
            var paren = _f.Is(end, '(');
            end = altEnd;
            if (paren && end < limit && _f.Is(end, ')')) end++;
        }
        if (found.Calendar == CalendarKind.Hijri && end < limit && HijriHonorifics.Contains(_f[end])) end++;
        return found;
    }

    /// <summary>After a month: [،] year [هـ|م] or a modifier (الماضي, المقبل).</summary>
    private TimeParse YearTail(int first, int k, int limit, CalendarName month, int? day)
    {
        var hijri = month.Calendar == CalendarKind.Hijri;
        var at = k;
        if (at < limit && IsComma(at)) at++;
        if (at < limit && _f.Kind(at) == TokenKind.Number && Int(at) is { } y && _f[at].Length is 3 or 4 && IsPlausibleYear(y, hijri))
        {
            var end = at + 1;
            if (end < limit && Word(end, out var mk, out _) && mk.Kind is TimeWordKind.HijriMarker or TimeWordKind.GregorianMarker) end = MarkerEnd(end + 1, limit);
            return new TimeParse(first, end, new CalendarDateSpec(y, month.Number, day, hijri));
        }
        if (k < limit && Word(k, out var m, out var mh) && mh.Proclitics == Proclitics.None)
        {
            var dir = m.Kind switch
            {
                TimeWordKind.Past => TimeDirection.Past,
                TimeWordKind.Next => TimeDirection.Next,
                TimeWordKind.Current => TimeDirection.Current,
                _ => TimeDirection.Default,
            };
            if (dir != TimeDirection.Default) return new TimeParse(first, k + 1, new CalendarDateSpec(null, month.Number, day, hijri, dir));
        }
        return new TimeParse(first, k, new CalendarDateSpec(null, month.Number, day, hijri));
    }

    /// <summary>2025-08-06, 2025/8/6, 6/8/2025 (day first), 29-11-2020, 29.11.2020; adjacent tokens only.</summary>
    private TimeParse? NumericDate(int j, int limit)
    {
        if (_f.Kind(j) != TokenKind.Number) return null;
        int a, b, c, end;
        var s = _f[j];
        if (s.Count(ch => ch == '.') == 2)
        {
            var parts = s.Split('.');
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out a) ||
                !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out b) ||
                !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out c)) return null;
            end = j + 1;
        }
        else
        {
            if (j + 4 >= limit) return null;
            var sep = _f[j + 1];
            if (sep is not ("/" or "-" or ".") || _f[j + 3] != sep) return null;
            if (_f.Kind(j + 2) != TokenKind.Number || _f.Kind(j + 4) != TokenKind.Number) return null;
            if (Int(j) is not { } x || Int(j + 2) is not { } yv || Int(j + 4) is not { } z) return null;
            // 15/1/1959 as written; 15 / 1 / 1959 with spaces only when a part is a four-digit year
            var toks = _f.Text.Tokens;
            var adjacent = true;
            for (var t = j; t < j + 4; t++) adjacent &= toks[t].End == toks[t + 1].Start;
            if (!adjacent && _f[j].Length != 4 && _f[j + 4].Length != 4) return null;
            (a, b, c) = (x, yv, z);
            end = j + 5;
        }
        int year, month, day;
        if (a >= 1000) (year, month, day) = (a, b, c);
        else if (c >= 1000)
        {
            (year, month, day) = (c, b, a);
            if (month > 12 && day <= 12) (month, day) = (day, month); // 8/31/2025: month first
        }
        else return null;
        var hijri = false;
        if (end < limit && Word(end, out var mk, out _))
        {
            if (mk.Kind == TimeWordKind.HijriMarker) { hijri = true; end = MarkerEnd(end + 1, limit); }
            else if (mk.Kind == TimeWordKind.GregorianMarker) end++;
        }
        if (month is < 1 or > 12 || day is < 1 or > 31 || !IsPlausibleYear(year, hijri)) return null;
        return new TimeParse(j, end, new CalendarDateSpec(year, month, day, hijri));
    }

    // ------------------------------------------------------------------ years, periods, seasons

    /// <summary>عام 2025, العام 2004, سنة 1446 هـ, في 2025 (licensed), 2025م, 1446 هـ.</summary>
    private TimeParse? Year(int j, int limit, Ctx ctx)
    {
        var k = j;
        var licensed = ctx.Licensed;
        if (Word(j, out var w, out _) && w.Kind == TimeWordKind.YearWord) { k = j + 1; licensed = true; }
        // (1948), عام (1933): a year in parentheses
        var paren = k + 2 < limit && _f.Is(k, '(') && _f.Is(k + 2, ')');
        if (paren) { k++; licensed |= _f[k].Length == 4; }
        if (k >= limit || _f.Kind(k) != TokenKind.Number || Int(k) is not { } y || _f[k].Length is not (3 or 4)) return null;
        var end = paren ? k + 2 : k + 1;
        if (!licensed && k == j && YearAfterNoun(j, limit, y)) licensed = true;
        var hijri = false;
        var marked = false;
        if (end < limit && Word(end, out var mk, out _))
        {
            if (mk.Kind == TimeWordKind.HijriMarker) { hijri = true; marked = true; end = MarkerEnd(end + 1, limit); }
            else if (mk.Kind == TimeWordKind.GregorianMarker && !(end + 1 < limit && _f[end + 1] is "مربع" or "مكعب"))
            {
                // 2025م; but 1000 م مربع is an area, and a bare number before م must look like a modern year
                if (licensed || y is >= 1800 and <= 2100) { marked = true; end++; }
            }
        }
        if (!licensed && !marked) return null;
        if (!hijri && k == j && !marked && y is < 1900 or > 2100) return null;
        if (!IsPlausibleYear(y, hijri)) return null;
        return new TimeParse(j, end, new YearSpec(y, hijri));
    }

    /// <summary>
    /// A bare four-digit year 1900–2100 after a definite noun or a noun that names a dated event (الانتفاضة الأولى 1987,
    /// حرب 1948, انتخابات 2024), not followed by what it would count (2000 شخص) and not after a word that introduces
    /// a count or a number (بلغ, عدد, القرار 1973).
    /// </summary>
    private bool YearAfterNoun(int j, int limit, int y)
    {
        if (y is < 1900 or > 2100 || _f[j].Length != 4 || j == 0 || _f.Kind(j - 1) != TokenKind.Word) return false;
        if (j + 1 < limit && (_f.Kind(j + 1) == TokenKind.Number || _f.Is(j + 1, '%') || _f.Is(j + 1, '٪'))) return false;
        if (j + 1 < limit && _f.Kind(j + 1) == TokenKind.Word && !_f[j + 1].StartsWith("ال", StringComparison.Ordinal) && !Word(j + 1, out _, out _) &&
            !Name(j + 1, limit, CalendarKind.Gregorian, out _, out _, out _) && _f[j + 1] is not ("و" or "في" or "من" or "الى" or "إلى" or "على" or "عن" or "مع" or "بين" or "حتى" or "ضد" or "هو" or "هي"))
            return false;
        var prev = Bare(j - 1);
        if (NumberIntroducers.Contains(prev)) return false;
        return prev.StartsWith("ال", StringComparison.Ordinal) || EventNouns.Contains(prev);
    }

    private static readonly FrozenSet<string> EventNouns = FrozenSet.ToFrozenSet(
        ["حرب", "ثورة", "نكبة", "نكسة", "انتفاضة", "انتخابات", "اتفاقية", "اتفاق", "دستور", "موازنة", "ميزانية", "رؤية", "احداث",
         "مونديال", "كاس", "اولمبياد", "دورة", "موسم", "قمة", "مؤتمر", "تعداد", "احصاء", "عدوان", "زلزال", "مجزرة", "ازمة", "معركة",
         "اجتياح", "غزو", "حملة", "خطة", "استراتيجية", "ربيع", "صيف", "خريف", "شتاء"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> NumberIntroducers = FrozenSet.ToFrozenSet(
        ["البالغ", "البالغة", "العدد", "الرقم", "المبلغ", "القرار", "المادة", "الفقرة", "البند", "الصفحة", "الغرفة", "الطريق",
         "الرمز", "الهاتف", "الكود", "الطراز", "الموديل", "الاجمالي", "الكلي", "الحد", "المعدل", "المؤشر", "المرتبة", "الدرجة",
         "الفئة", "المجموع", "الاصدار", "النسخة", "الطائرة", "الصاروخ"], StringComparer.Ordinal);

    /// <summary>هذا الأسبوع, الأسبوع الماضي, العام قبل الماضي, الشهر المقبل, (نهاية) الأسبوع, السنوات الأخيرة, الساعات الأربع والعشرين الأخيرة.</summary>
    private TimeParse? RelativePeriod(int j, int limit, Ctx ctx)
    {
        if (!Word(j, out var w, out var hit)) return null;
        if (w.Kind == TimeWordKind.This)
        {
            if (j + 1 >= limit) return null;
            var unit = DefiniteSingularUnit(j + 1);
            if (unit is { } u) return new TimeParse(j, j + 2, new RelativePeriodSpec(u, 0));
            if (Name(j + 1, limit, CalendarKind.Season, out var season, out var se, out var sh) && sh.Proclitics == Proclitics.None && _f[j + 1].StartsWith("ال", StringComparison.Ordinal))
                return new TimeParse(j, se, new SeasonSpec(season.Number, null, TimeDirection.Current));
            if (Word(j + 1, out var p, out _) && p.Kind == TimeWordKind.Period) return new TimeParse(j, j + 2, new VagueSpec("duration", true));
            return null;
        }
        var single = DefiniteSingularUnit(j);
        if (single is TimeUnit.Decade or TimeUnit.Century)
        {
            // العقد الماضي, القرن المقبل: relative decades and centuries are left unresolved
            return j + 1 < limit && Word(j + 1, out var dm, out _) && dm.Kind is TimeWordKind.Past or TimeWordKind.Next or TimeWordKind.Current
                ? new TimeParse(j, j + 2, new VagueSpec("year", true))
                : null;
        }
        if (single is { } unitOne)
        {
            var k = j + 1;
            if (k < limit && Word(k, out var m, out var mh) && mh.Proclitics == Proclitics.None)
            {
                switch (m.Kind)
                {
                    case TimeWordKind.Past: return new TimeParse(j, k + 1, new RelativePeriodSpec(unitOne, -1));
                    case TimeWordKind.Next: return new TimeParse(j, k + 1, new RelativePeriodSpec(unitOne, 1));
                    case TimeWordKind.Current: return new TimeParse(j, k + 1, new RelativePeriodSpec(unitOne, 0));
                    case TimeWordKind.Following: return new TimeParse(j, k + 1, new VagueSpec(PeriodKind(unitOne), false));
                    case TimeWordKind.Prep when k + 1 < limit && Word(k + 1, out var m2, out _):
                        // العام قبل الماضي, الأسبوع بعد المقبل
                        if (Bare(k) == "قبل" && m2.Kind == TimeWordKind.Past) return new TimeParse(j, k + 2, new RelativePeriodSpec(unitOne, -2));
                        if (Bare(k) == "بعد" && m2.Kind == TimeWordKind.Next) return new TimeParse(j, k + 2, new RelativePeriodSpec(unitOne, 2));
                        break;
                }
            }
            if (ctx.Boundary) return new TimeParse(j, j + 1, new RelativePeriodSpec(unitOne, 0));
            return null;
        }
        if (w.Kind == TimeWordKind.Unit && w.Definite && w.Form is UnitForm.Plural or UnitForm.Dual)
        {
            var k = j + 1;
            double? count = w.Form == UnitForm.Dual ? 2 : null;
            if (count is null && k < limit && ArabicNumbers.TryRead(_f, k, limit, out var num) && num.Kind == NumberKind.Cardinal)
            {
                count = num.Value;
                k = num.EndToken;
            }
            if (k < limit && Word(k, out var m, out var mh) && mh.Proclitics == Proclitics.None && m.Kind is TimeWordKind.Past or TimeWordKind.Next)
            {
                TimeSpec spec = count is { } c ? new DurationSpec(w.Unit, c) : new VagueSpec("duration", true);
                return new TimeParse(j, k + 1, spec);
            }
            return null;
        }
        if (w.Kind == TimeWordKind.Period && j + 1 < limit && Word(j + 1, out var pm, out _) &&
            pm.Kind is TimeWordKind.Past or TimeWordKind.Next or TimeWordKind.Current)
            return new TimeParse(j, j + 2, new VagueSpec("duration", true));
        return null;
    }

    private static string PeriodKind(TimeUnit u) => u switch { TimeUnit.Week => "week", TimeUnit.Month => "month", TimeUnit.Year => "year", _ => "date" };

    /// <summary>الأسبوع, الشهر, العام, السنة (with the article, no other proclitic than و/ف).</summary>
    private TimeUnit? DefiniteSingularUnit(int k)
    {
        if (!Word(k, out var w, out _)) return null;
        var bare = Bare(k);
        return bare switch
        {
            "الاسبوع" => TimeUnit.Week,
            "الشهر" => TimeUnit.Month,
            "العام" or "السنة" => TimeUnit.Year,
            _ => w.Kind == TimeWordKind.Unit && w.Definite && w.Form == UnitForm.Singular && w.Unit is TimeUnit.Week or TimeUnit.Month or TimeUnit.Year or TimeUnit.Decade ? w.Unit : null,
        };
    }

    /// <summary>في الربيع, حتى الخريف, الشتاء الماضي, صيف 2024, الربيع المقبل (not الربيع العربي).</summary>
    private TimeParse? Season(int j, int limit, Ctx ctx)
    {
        if (!Name(j, limit, CalendarKind.Season, out var s, out var end, out _)) return null;
        var definite = Bare(j).StartsWith("ال", StringComparison.Ordinal);
        var k = end;
        if (k < limit && IsComma(k)) k++;
        if (k < limit && _f.Kind(k) == TokenKind.Number && Int(k) is { } y && _f[k].Length == 4 && IsPlausibleYear(y, false))
            return new TimeParse(j, k + 1, new SeasonSpec(s.Number, y, TimeDirection.Default));
        if (!definite) return null;
        if (end < limit && Word(end, out var m, out var mh) && mh.Proclitics == Proclitics.None)
        {
            if (m.Kind == TimeWordKind.Past) return new TimeParse(j, end + 1, new SeasonSpec(s.Number, null, TimeDirection.Past));
            if (m.Kind == TimeWordKind.Next) return new TimeParse(j, end + 1, new SeasonSpec(s.Number, null, TimeDirection.Next));
            if (m.Kind == TimeWordKind.Current) return new TimeParse(j, end + 1, new SeasonSpec(s.Number, null, TimeDirection.Current));
        }
        if (!ctx.Licensed) return null;
        if (end < limit && _f[end] is "العربي" or "العربية" or "الديمقراطي") return null;
        return new TimeParse(j, end, new SeasonSpec(s.Number, null, TimeDirection.Default));
    }

    /// <summary>التسعينيات, الثمانينات: a decade (value left null).</summary>
    private TimeParse? Decade(int j)
    {
        if (_f.Kind(j) != TokenKind.Word) return null;
        return Decades.Contains(Bare(j)) ? new TimeParse(j, j + 1, new VagueSpec("year", false)) : null;
    }

    // ------------------------------------------------------------------ durations and clock times

    /// <summary>3 ساعات, ثلاثة أيام, 11 يوما, نصف ساعة, يومين, يوم واحد, (بعد) شهر, (منذ) أيام.</summary>
    private TimeParse? Duration(int j, int limit, Ctx ctx)
    {
        if (ArabicNumbers.TryRead(_f, j, limit, out var num) && num.Kind is NumberKind.Cardinal or NumberKind.Fraction && num.EndToken < limit)
        {
            if (Bare(j).StartsWith("ال", StringComparison.Ordinal)) return null;
            var u = UnitAt(num.EndToken, allowDual: false);
            // و7 عام 2001: the noun introduces a year, it is not counted
            if (u is not null && num.EndToken + 1 < limit && _f.Kind(num.EndToken + 1) == TokenKind.Number && _f[num.EndToken + 1].Length == 4) u = null;
            if (u is { } unit)
            {
                var count = num.Value;
                var end = num.EndToken + 1;
                if (end < limit && _f[end] is "ونصف") { count += 0.5; end++; }
                return Approx(new TimeParse(j, end, new DurationSpec(unit, count)), limit);
            }
            return null;
        }
        if (!Word(j, out var w, out var hit)) return null;
        if (w.Kind == TimeWordKind.Unit && w.Form == UnitForm.Dual && !w.Definite)
            return Approx(new TimeParse(j, j + 1, new DurationSpec(w.Unit, 2)), limit);
        var single = UnitAt(j, allowDual: false);
        if (single is { } one && !Bare(j).StartsWith("ال", StringComparison.Ordinal))
        {
            if (j + 1 < limit && ArabicNumbers.TryRead(_f, j + 1, limit, out var n1) && n1.Kind == NumberKind.Cardinal && n1.Value == 1 && n1.EndToken == j + 2)
                return Approx(new TimeParse(j, j + 2, new DurationSpec(one, 1)), limit);
            if (ctx.DurationPrep && one is not (TimeUnit.Decade or TimeUnit.Century or TimeUnit.Second))
            {
                if (w.Kind == TimeWordKind.Unit && w.Form == UnitForm.Plural) return new TimeParse(j, j + 1, new VagueSpec("duration", true));
                var count = 1.0;
                var end = j + 1;
                if (end < limit && _f[end] is "ونصف") { count += 0.5; end++; }
                return Approx(new TimeParse(j, end, new DurationSpec(one, count)), limit);
            }
        }
        return null;
    }

    private TimeParse Approx(TimeParse p, int limit) =>
        p.End < limit && Word(p.End, out var w, out _) && w.Kind == TimeWordKind.Approximately ? p with { End = p.End + 1 } : p;

    /// <summary>The unit a noun names, for counting: ساعات, أيام, يوما, عام, سنة, شهر, أسبوع (not the definite forms).</summary>
    private TimeUnit? UnitAt(int k, bool allowDual)
    {
        if (!Word(k, out var w, out _)) return null;
        return w.Kind switch
        {
            TimeWordKind.Unit when w.Form != UnitForm.Dual || allowDual => w.Unit,
            TimeWordKind.DayWord => TimeUnit.Day,
            TimeWordKind.MonthWord => TimeUnit.Month,
            TimeWordKind.YearWord when !Bare(k).StartsWith("ال", StringComparison.Ordinal) && Bare(k) is not ("عامي" or "سنتي") => TimeUnit.Year,
            TimeWordKind.DayPart when Bare(k) is "ليلة" => TimeUnit.Night,
            _ => null,
        };
    }

    /// <summary>(في تمام|على) الساعة 10[:30] [صباحا|مساء|من صباح] [day]: a clock time, on a day when one follows.</summary>
    private TimeParse? Clock(int j, int limit)
    {
        var k = j;
        if (_f.Is(k, "تمام")) k++;
        if (k >= limit || !Word(k, out var w, out _) || w.Kind != TimeWordKind.Clock) return null;
        k++;
        if (!ReadClock(k, limit, out var hour, out var minute, out k)) return null;
        var (pm, afterPart) = DayPartAfterClock(ref k, limit);
        var h = AdjustHour(hour, pm);
        if (h is null) return null;
        TimeParse? day = null;
        if (afterPart is { } dp)
        {
            day = DayCore(dp, limit, new Ctx(true, false, false));
        }
        else if (k < limit)
        {
            var at = k;
            if (_f.Is(at, "من")) at++;
            day = DayExpression(at, limit, new Ctx(true, false, false));
        }
        if (day is null) return new TimeParse(j, k, new ClockTimeSpec(new DayOffsetSpec(0), h.Value, minute));
        return new TimeParse(j, day.End, new ClockTimeSpec(day.Spec, h.Value, minute), Inner: day, Weekday: day.Weekday);
    }

    /// <summary>After a day: [،] [على|عند|في] [تمام] [الساعة] HH:MM — the day at that time.</summary>
    private TimeParse? ClockAfter(TimeParse day, int limit)
    {
        if (day.Spec is not (CalendarDateSpec { Day: not null } or DayOffsetSpec or WeekdaySpec)) return null;
        var k = day.End;
        if (k < limit && IsComma(k)) k++;
        if (k < limit && Word(k, out var p, out _) && p.Kind == TimeWordKind.Prep && Bare(k) is "علي" or "عند" or "في") k++;
        if (k < limit && _f.Is(k, "تمام")) k++;
        var clockWord = k < limit && Word(k, out var c, out _) && c.Kind == TimeWordKind.Clock;
        if (clockWord) k++;
        if (!ReadClock(k, limit, out var hour, out var minute, out var end)) return null;
        if (!clockWord && !_f[k].Contains(':', StringComparison.Ordinal) && !_f.Is(k + 1, ':')) return null; // a bare number after a date is not a time; 19:45 is
        var (pm, _) = DayPartAfterClock(ref end, limit);
        var h = AdjustHour(hour, pm);
        if (h is null) return null;
        return new TimeParse(day.First, end, new ClockTimeSpec(day.Spec, h.Value, minute), Inner: day, Weekday: day.Weekday);
    }

    private bool ReadClock(int k, int limit, out int hour, out int minute, out int end)
    {
        hour = minute = 0;
        end = k;
        if (k >= limit) return false;
        // 19:45 as one token (the tokenizer keeps a clock time whole) or as three
        if (_f.Kind(k) == TokenKind.Number && _f[k] is { Length: 4 or 5 } hm && hm.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 &&
            int.TryParse(hm.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var h1) &&
            int.TryParse(hm.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var m1) && h1 <= 24 && m1 <= 59)
        {
            hour = h1;
            minute = m1;
            end = k + 1;
        }
        else if (_f.Kind(k) == TokenKind.Number && Int(k) is { } hv && hv is >= 0 and <= 24 && _f[k].Length <= 2)
        {
            hour = hv;
            end = k + 1;
            if (end + 1 < limit && _f.Is(end, ':') && _f.Kind(end + 1) == TokenKind.Number && Int(end + 1) is { } mv && mv is >= 0 and <= 59 && _f[end + 1].Length == 2)
            {
                minute = mv;
                end += 2;
            }
        }
        else if (ArabicNumbers.TryRead(_f, k, limit, out var ord) && ord.Kind is NumberKind.Ordinal or NumberKind.Cardinal && ord.Value is >= 1 and <= 12 && ord.IsInteger)
        {
            hour = (int)ord.Value;
            end = ord.EndToken;
        }
        else return false;
        // والنصف, والربع
        if (end < limit && _f[end] is "والنصف" or "ونصف") { minute = 30; end++; }
        else if (end < limit && _f[end] is "والربع" or "وربع") { minute = 15; end++; }
        return true;
    }

    /// <summary>صباحا/مساء/ليلا/ص/م after a clock time, or من صباح/مساء + a day (returned as the day's first token).</summary>
    private (int Pm, int? DayStart) DayPartAfterClock(ref int k, int limit)
    {
        if (k >= limit) return (0, null);
        var at = k;
        var of = _f.Is(at, "من");
        if (of) at++;
        if (at >= limit || _f.Kind(at) != TokenKind.Word) return (0, null);
        var b = Bare(at);
        var pm = b switch
        {
            "صباحا" or "صباح" or "صبيحة" or "فجرا" or "فجر" or "ص" or "ضحي" => 1,
            "مساء" or "مساءا" or "م" or "عصرا" or "عصر" => 2,
            "ظهرا" or "ظهر" or "ظهيرة" => 3,
            "ليلا" or "ليلة" or "ليل" => 4,
            _ => 0,
        };
        if (pm == 0) return (0, null);
        if (b is "ص" or "م" && of) return (0, null);
        k = at + 1;
        // من صباح يوم الجمعة; صباح اليوم
        if (b is "صباح" or "مساء" or "فجر" or "ظهر" or "عصر" or "ليلة" or "صبيحة" or "ظهيرة" && k < limit) return (pm, k);
        return (pm, null);
    }

    private static int? AdjustHour(int hour, int pm)
    {
        var h = pm switch
        {
            2 when hour < 12 => hour + 12,
            3 when hour is >= 1 and <= 6 => hour + 12,
            4 when hour is >= 6 and < 12 => hour + 12,
            _ => hour,
        };
        return h is >= 0 and <= 24 ? (h == 24 ? 0 : h) : null;
    }

    // ------------------------------------------------------------------ helpers

    private bool Word(int k, out TimeWord word, out WordHit<TimeWord> hit)
    {
        var ok = _f.TryLookup(TimeWords.Lookup, k, out hit);
        word = hit.Value;
        return ok;
    }

    /// <summary>A calendar name of the given kind starting at token k (two-word names first).</summary>
    private bool Name(int k, int limit, CalendarKind kind, out CalendarName name, out int end, out WordHit<CalendarName[]> hit)
    {
        name = null!;
        end = k;
        hit = default;
        if (k >= limit || !_f.TryLookup(_lex.NameLookup, k, out hit)) return false;
        foreach (var c in hit.Value)
        {
            if (c.Calendar != kind) continue;
            if (c.Ambiguous && !WrittenAs(k, hit.Start, c.Written)) continue;
            if (c.SecondWord is null) { name = c; end = k + 1; return true; }
            if (k + 1 < limit && _f.Is(k + 1, c.SecondWord)) { name = c; end = k + 2; return true; }
        }
        return false;
    }

    /// <summary>The normalised token without the proclitics a time-word or calendar-name look-up peeled (للعام → العام),
    /// or without a leading و/ف; else the token itself.</summary>
    private string Bare(int k)
    {
        var s = _f[k];
        if (_f.Kind(k) != TokenKind.Word) return s;
        var p = Proclitics.None;
        if (_f.TryLookup(TimeWords.Lookup, k, out var h)) p = h.Proclitics;
        else if (_f.TryLookup(_lex.NameLookup, k, out var n)) p = n.Proclitics;
        else return s.Length >= 4 && s[0] is 'و' or 'ف' ? s[1..] : s;
        if (p == Proclitics.None) return s;
        var skip = p.HasFlag(Proclitics.Conjunction) ? 1 : 0;
        if (!p.HasFlag(Proclitics.Preposition)) return s[skip..];
        return s.Length > skip + 2 && s[skip] == 'ل' && s[skip + 1] == 'ل' ? "ا" + s[(skip + 1)..] : s[(skip + 1)..];
    }

    /// <summary>Whether token k, from original offset <paramref name="start"/>, is written exactly as <paramref name="written"/> (hamza kept).</summary>
    private bool WrittenAs(int k, int start, string written)
    {
        var t = _f.Text.Tokens[k];
        if (start < t.Start || start > t.End) return false;
        var surface = _f.Text.Text.AsSpan(start, t.End - start);
        return surface.Length <= 32 && Normalizer.Normalize(surface, TimeLexicon.WrittenForm) == written;
    }

    /// <summary>After هـ: the tatweel the tokenizer split off the marker belongs to it.</summary>
    private int MarkerEnd(int k, int limit) =>
        k < limit && _f[k].Length == 0 && _f.Text.Tokens[k - 1].End == _f.Text.Tokens[k].Start ? k + 1 : k;

    private bool IsComma(int k) => _f.Is(k, '،') || _f.Is(k, ',');

    private int? Int(int k)
    {
        var s = _f[k];
        return s.Length is > 0 and <= 9 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static bool IsPlausibleYear(int y, bool hijri) => hijri ? y is >= 1300 and <= 1500 : y is >= 1000 and <= 2200;

    private static FrozenSet<string> BuildDecades()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in new[] { "عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين" })
            foreach (var suffix in new[] { "يات", "ات" })
            {
                set.Add(t + suffix);
                set.Add("ال" + t + suffix);
            }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
