using Hadath.Arabic;
using Hadath.Core.Model;
using Hadath.Extraction.Entities;
using Hadath.Knowledge.Kb;

namespace Hadath.Extraction.Tests.Entities;

public class EntityRecognizerTests
{
    private static readonly EntityRecognizer Recognizer = new(KnowledgeBase.Default);
    private static readonly DateOnly Seed = new(2025, 8, 6);

    private static (string Text, List<EntityMention> Mentions) Run(string text, DateOnly? date = null)
    {
        var mentions = Recognizer.Recognize(ArabicAnalyzer.Default.Analyze(text), date ?? Seed);
        return (text, mentions);
    }

    /// <summary>The entities a pipeline of this component alone reports for a text (after countries are defaulted).</summary>
    private static readonly Pipeline Entities = new([Recognizer]);

    private static List<EntityOut> Reported(string text) => Entities.Analyze(new InputDocument { Id = "t", Text = text, Published = Seed }).Entities;

    private static EntityMention Find(string text, List<EntityMention> mentions, string surface) =>
        mentions.FirstOrDefault(m => m.Span.Of(text).ToString() == surface)
        ?? throw new Xunit.Sdk.XunitException($"no mention '{surface}' in: {string.Join(" | ", mentions.Select(m => m.Span.Of(text).ToString()))}");

    [Theory]
    [InlineData("التقى وبوتين أمس", "بوتين", "putin")]
    [InlineData("ندد بالناتو مرة أخرى", "الناتو", "nato")]
    [InlineData("قدمت مساعدات لأوكرانيا أمس", "أوكرانيا", "country:UKR")]
    [InlineData("بين روسيا والولايات المتحدة الآن", "الولايات المتحدة", "country:USA")]
    [InlineData("وفي موسكو قال", "موسكو", "geo:524901")]
    public void A_name_with_proclitics_is_matched_and_its_span_starts_after_them(string text, string surface, string entry)
    {
        var (t, ms) = Run(text);
        var m = Find(t, ms, surface);
        Assert.Equal(entry, m.EntryId);
        Assert.True(m.Span.End == t.IndexOf(surface, StringComparison.Ordinal) + surface.Length);
    }

    [Theory]
    [InlineData("وصل الوفد للكرملين صباحا", "للكرملين", "kremlin")]
    [InlineData("قدم طلبا وللأمم المتحدة أيضا", "للأمم المتحدة", "un")]
    [InlineData("قدم طلبا للبنان أمس", "لبنان", "country:LBN")]
    public void A_name_whose_article_is_elided_after_lam_starts_at_lam_lam(string text, string surface, string entry)
    {
        var (t, ms) = Run(text);
        Assert.Equal(entry, Find(t, ms, surface).EntryId);
    }

    [Theory]
    [InlineData("تعهد الوزير بمحاسبة المسؤولين")]
    [InlineData("وطالب الرئيس بالإفراج عن المعتقلين")]
    [InlineData("ودعا المبعوث للحوار")]
    public void A_word_with_a_preposition_after_a_title_is_no_name(string text)
    {
        var (_, ms) = Run(text);
        Assert.DoesNotContain(ms, m => m.Kind == EntityKind.Person && !m.IsNominal);
    }

    [Theory]
    [InlineData("وتوج شوماخر باللقب في نهاية الموسم", "شوماخر", "schumacher")]
    [InlineData("وكتب أينشتاين عن النسبية", "أينشتاين", "einstein")]
    [InlineData("غادر المدرب بعد خسارة ضد فريق فيدرر", "فيدرر", "federer")]
    public void A_famous_person_is_named_by_the_family_name_alone(string text, string surface, string entry)
    {
        var (t, ms) = Run(text);
        var m = Find(t, ms, surface);
        Assert.Equal((EntityKind.Person, entry), (m.Kind, m.EntryId));
    }

    [Fact]
    public void A_famous_family_name_spelt_like_a_common_word_or_a_given_name_needs_the_full_name()
    {
        var (_, ms) = Run("بدأت الإصلاحات تؤتي ثمارها");
        Assert.DoesNotContain(ms, m => m.Kind == EntityKind.Person);
        var (_, ms2) = Run("وأوضح دياب الخطيب أن الاجتماع انتهى");
        Assert.DoesNotContain(ms2, m => m.EntryId == "amr_diab");
    }

    [Fact]
    public void A_government_named_by_its_country_or_leader_reports_the_owner_and_keeps_the_actor()
    {
        var (t, ms) = Run("واتهمت حكومة السودان المتمردين بخرق الهدنة", new DateOnly(2006, 5, 1));
        Assert.Equal(EntityKind.Gpe, Find(t, ms, "السودان").Kind);
        Assert.Contains(ms, m => m.IsNominal && m.Kind == EntityKind.Org && m.Actor is { Code: "SDNGOV" });
        var (t2, ms2) = Run("ورفضت إدارة بوش الاقتراح", new DateOnly(2006, 5, 1));
        Assert.Equal(("gwbush", EntityKind.Person), (Find(t2, ms2, "بوش").EntryId, Find(t2, ms2, "بوش").Kind));
        var (t3, ms3) = Run("وأعلنت الحكومة السعودية الخطة", new DateOnly(2006, 5, 1));
        Assert.Equal(EntityKind.Org, Find(t3, ms3, "الحكومة السعودية").Kind);
    }

    [Theory]
    [InlineData("وانتشر الجفاف في شرق أفريقيا هذا العام", "أفريقيا", "africa")]
    [InlineData("وتعاني دول غرب أفريقيا من الجفاف", "أفريقيا", "africa")]
    [InlineData("واتفقت دول مجلس التعاون الخليجي على الخطة", "مجلس التعاون الخليجي", "gcc")]
    [InlineData("وعقد الاجتماع في مقر الأمم المتحدة بنيويورك", "الأمم المتحدة", "un")]
    public void A_direction_word_a_member_states_noun_or_a_seat_is_not_part_of_the_name(string text, string surface, string entry) =>
        Assert.Equal(entry, Find(text, Run(text).Mentions, surface).EntryId);

    [Theory]
    [InlineData("وبعد انهيار الاتحاد السوفيتي تغيرت الخريطة", "الاتحاد السوفيتي", "ussr")]
    [InlineData("وحكمت الدولة العثمانية المنطقة قرونا", "الدولة العثمانية", "ottoman")]
    [InlineData("وسقطت الطائرة قرب مركز التجارة العالمي", "مركز التجارة العالمي", "wtc")]
    [InlineData("وعبرت السفن مضيق البوسفور", "مضيق البوسفور", "bosphorus")]
    public void A_historical_state_or_a_world_landmark_is_a_place(string text, string surface, string entry) =>
        Assert.Equal(entry, Find(text, Run(text).Mentions, surface).EntryId);

    [Theory]
    [InlineData("وصلى المصلون في مسجد الحسن الثاني أمس", "مسجد الحسن الثاني", EntityKind.Fac)]
    [InlineData("وهبطت الطائرة في مطار جون كينيدي صباحا", "مطار جون كينيدي", EntityKind.Fac)]
    [InlineData("وتخرج الباحث في جامعة الملك فهد للبترول", "جامعة الملك فهد", EntityKind.Org)]
    public void A_facility_or_a_university_named_after_a_person_is_one_name(string text, string surface, EntityKind kind)
    {
        var (t, ms) = Run(text);
        Assert.Equal(kind, Find(t, ms, surface).Kind);
        Assert.DoesNotContain(ms, m => m.Kind == EntityKind.Person);
    }

    [Fact]
    public void A_club_is_named_only_in_a_sentence_about_sport()
    {
        var (t, ms) = Run("تعادل النصر مع الهلال في المباراة التي أقيمت على ملعب الملك فهد");
        Assert.Equal(EntityKind.Org, Find(t, ms, "النصر").Kind);
        Assert.Equal("hilal", Find(t, ms, "الهلال").EntryId);
        var (t2, ms2) = Run("احتفل الناس بالنصر بعد رؤية الهلال");
        Assert.DoesNotContain(ms2, m => m.EntryId is { } id && Recognizer.KnowledgeBase.Find(id)!.IsClub);
    }

    [Fact]
    public void A_city_that_names_a_club_is_the_club_in_a_sentence_about_sport_but_not_after_a_locative()
    {
        var (t, ms) = Run("فاز روما على ضيفه لاتسيو في الدوري الإيطالي");
        Assert.Equal("roma", Find(t, ms, "روما").EntryId);
        var (t2, ms2) = Run("وصل لاعبو الفريق إلى روما أمس");
        Assert.Equal(EntityKind.Gpe, Find(t2, ms2, "روما").Kind);
        var (t3, ms3) = Run("وقع الانفجار في روما أمس");
        Assert.Equal(EntityKind.Gpe, Find(t3, ms3, "روما").Kind);
    }

    [Fact]
    public void A_club_name_after_a_definite_noun_or_a_national_team_noun_is_not_the_club()
    {
        var (t, ms) = Run("انطلق الدوري العربي للأندية وشارك لاعبو منتخب الشباب في المباراة");
        Assert.DoesNotContain(ms, m => m.EntryId is { } id && Recognizer.KnowledgeBase.Find(id)!.IsClub);
    }

    [Fact]
    public void A_strong_club_name_needs_no_sports_sentence()
    {
        var (t, ms) = Run("استضاف الزمالك حفلا لتكريم الرئيس السابق");
        Assert.Equal("zamalek", Find(t, ms, "الزمالك").EntryId);
    }

    [Fact]
    public void A_cue_word_introduces_a_club_without_being_part_of_it()
    {
        var (t, ms) = Run("فاز فريق كرونوس ريسينغ بالبطولة");
        Assert.Equal(EntityKind.Org, Find(t, ms, "كرونوس ريسينغ").Kind);
        var (t2, ms2) = Run("قال المدرب إن نادي برشلونة يريد ضم اللاعب");
        Assert.Equal("barcelona_fc", Find(t2, ms2, "برشلونة").EntryId);
        // a work team is no club
        var (t3, ms3) = Run("وصل فريق العمل إلى الموقع");
        Assert.DoesNotContain(ms3, m => m.Kind == EntityKind.Org && !m.IsNominal);
    }

    [Fact]
    public void A_newspaper_or_company_cue_introduces_its_name_without_being_part_of_it()
    {
        var (t, ms) = Run("وقالت صحيفة \" واشنطن تايمز \" إن الاتفاق قريب");
        Assert.Equal(EntityKind.Org, Find(t, ms, "واشنطن تايمز").Kind);
        var (t2, ms2) = Run("ونقلت صحيفة الراية عن مصدر أن");
        Assert.Equal(EntityKind.Org, Find(t2, ms2, "الراية").Kind);
        var (t3, ms3) = Run("أعلنت شركة موتورولا الأمريكية ومديرها زيادة الأرباح");
        var moto = Find(t3, ms3, "موتورولا");
        Assert.Equal((EntityKind.Org, "USA"), (moto.Kind, moto.Actor?.Country));
        // a known newspaper after the cue is itself, its weak name too, without the cue
        var (t5, ms5) = Run("ونقلت صحيفة الأهرام عن مصدر أن");
        Assert.Equal("ahram", Find(t5, ms5, "الأهرام").EntryId);
        // a definite cue refers back: the magazine is new, not named الجديدة
        var (_, ms4) = Run("ونشرت المجلة الجديدة مقالا");
        Assert.DoesNotContain(ms4, m => m.Kind == EntityKind.Org && !m.IsNominal);
    }

    [Fact]
    public void A_facility_head_names_a_facility_also_after_its_place()
    {
        var (t, ms) = Run("وصل الوفد إلى مطار دمشق الدولي أمس");
        Assert.Equal(EntityKind.Fac, Find(t, ms, "مطار دمشق الدولي").Kind);
        var (t2, ms2) = Run("وأعلن قصر بكينغهام أن الملكة بخير");
        Assert.Equal(EntityKind.Fac, Find(t2, ms2, "قصر بكينغهام").Kind);
        // a definite facility noun names nothing: الملعب الأرجنتيني is the Argentine half of the pitch
        var (_, ms3) = Run("تسلم الكرة في منتصف الملعب الأرجنتيني");
        Assert.DoesNotContain(ms3, m => m.Kind == EntityKind.Fac);
        // سجن is also a verb: a word with a preposition is no name
        var (_, ms4) = Run("سبق أن سجن لدعمه المتمردين");
        Assert.DoesNotContain(ms4, m => m.Kind == EntityKind.Fac);
    }

    [Fact]
    public void Major_companies_are_known_and_a_weak_company_name_that_is_a_common_word_needs_its_cue()
    {
        var (t, ms) = Run("أعلنت نوكيا الفنلندية زيادة أرباحها");
        Assert.Equal(("nokia", "FIN"), (Find(t, ms, "نوكيا").EntryId, Find(t, ms, "نوكيا").Actor?.Country));
        var (_, ms2) = Run("تتولى الدول إعمار لبنان");
        Assert.DoesNotContain(ms2, m => m.EntryId == "emaar");
    }

    [Fact]
    public void A_span_never_cuts_a_token_at_its_end()
    {
        var (t, ms) = Run("قالت روسياه شيئا");
        Assert.DoesNotContain(ms, m => m.EntryId == "country:RUS");
    }

    [Fact]
    public void The_longest_name_wins()
    {
        var (t, ms) = Run("أعلن حلف شمال الأطلسي ووزارة الخارجية الأمريكية أمس");
        Assert.Equal("nato", Find(t, ms, "حلف شمال الأطلسي").EntryId);
        Assert.Equal("statedept", Find(t, ms, "وزارة الخارجية الأمريكية").EntryId);
        Assert.DoesNotContain(ms, m => m.Span.Of(t).ToString() == "الأطلسي");
        var (t2, ms2) = Run("قال رئيس كوريا الشمالية إن");
        Assert.Equal("PRK", Find(t2, ms2, "كوريا الشمالية").Actor!.Country);
    }

    [Theory]
    [InlineData("2019-03-01", "USAGOV")]
    [InlineData("2023-05-01", "USAELI")]
    [InlineData("2025-08-06", "USAGOV")]
    public void A_persons_actor_is_the_role_held_on_the_publication_date(string date, string code)
    {
        var (t, ms) = Run("قال ترامب إن", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(code, Find(t, ms, "ترامب").Actor!.Code);
    }

    [Fact]
    public void Without_a_date_the_latest_role_is_used()
    {
        var ms = Recognizer.Recognize(ArabicAnalyzer.Default.Analyze("قال ميدفيديف إن"), null);
        Assert.Equal("RUSGOV", Assert.Single(ms).Actor!.Code);
    }

    [Fact]
    public void A_partial_name_refers_back_to_the_full_name()
    {
        var (t, ms) = Run("استقبل فلاديمير بوتين الوفد. وقال بوتين إن اللقاء كان مفيدا.");
        var full = ms.FindIndex(m => m.Span.Of(t).ToString() == "فلاديمير بوتين");
        var part = Find(t, ms, "بوتين");
        Assert.True(full >= 0);
        Assert.Equal(full, part.Antecedent);
        Assert.Equal("RUSGOV", part.Actor!.Code);
    }

    [Fact]
    public void An_unknown_persons_family_name_refers_back_to_the_full_name()
    {
        var (t, ms) = Run("قال المتحدث جون ماكفيرسون إن المحادثات انتهت. وأضاف ماكفيرسون أن الوفد غادر.");
        var full = ms.FindIndex(m => m.Span.Of(t).ToString() == "جون ماكفيرسون");
        Assert.True(full >= 0, string.Join(" | ", ms.Select(m => m.Span.Of(t).ToString())));
        Assert.Equal(EntityKind.Person, ms[full].Kind);
        var part = ms.Single(m => m.Span.Of(t).ToString() == "ماكفيرسون");
        Assert.Equal(full, part.Antecedent);
    }

    [Fact]
    public void A_weak_name_needs_an_earlier_full_name_or_a_title()
    {
        var (_, none) = Run("قال عباس إن");
        Assert.DoesNotContain(none, m => m.EntryId == "abbas");
        Assert.Contains(none, m => m.Kind == EntityKind.Person && m.EntryId is null);
        var (t, ms) = Run("التقى محمود عباس الوفد. ثم قال عباس إن");
        Assert.Equal(2, ms.Count(m => m.EntryId == "abbas"));
        var (t2, ms2) = Run("وقال الرئيس عباس إن");
        Assert.Equal("abbas", Find(t2, ms2, "عباس").EntryId);
    }

    [Fact]
    public void A_role_noun_refers_to_the_last_named_holder_of_the_role()
    {
        var (t, ms) = Run("استقبل الرئيس الروسي فلاديمير بوتين المبعوث الأمريكي. وأوضح الرئيس أنه لم يلتزم.");
        var putin = ms.FindIndex(m => m.EntryId == "putin");
        var role = ms.Last(m => m.Span.Of(t).ToString() == "الرئيس");
        Assert.True(role.IsNominal);
        Assert.Equal(putin, role.Antecedent);
        Assert.Equal("RUSGOV", role.Actor!.Code);
        Assert.Equal("RUSGOV", Find(t, ms, "الرئيس الروسي").Actor!.Code);
    }

    [Theory]
    [InlineData("ويقول مسؤولون أوكرانيون إن", "مسؤولون أوكرانيون", "UKRGOV", EntityKind.Person)]
    [InlineData("اقتحمت قوات الاحتلال الإسرائيلي المخيم", "قوات الاحتلال الإسرائيلي", "ISRMIL", EntityKind.Org)]
    [InlineData("تحدث عن قوة الجيش الروسي أمس", "الجيش الروسي", "RUSMIL", EntityKind.Org)]
    [InlineData("قال وزير الخارجية الإيراني إن", "وزير الخارجية الإيراني", "IRNGOV", EntityKind.Person)]
    [InlineData("لم تقدم إدارة ترامب أي مساعدات", "إدارة", "USAGOV", EntityKind.Org)]
    [InlineData("اعتقلت الشرطة متظاهرين", "الشرطة", "COP", EntityKind.Org)]
    [InlineData("وأفاد المكتب الصحفي للرئاسة الروسية بأن", "المكتب الصحفي للرئاسة الروسية", "RUSGOV", EntityKind.Org)]
    public void Agent_nouns_with_a_country_make_nominal_actors(string text, string surface, string code, EntityKind kind)
    {
        var (t, ms) = Run(text);
        var m = Find(t, ms, surface);
        Assert.Equal(code, m.Actor!.Code);
        Assert.Equal(kind, m.Kind);
    }

    [Fact]
    public void Analysts_are_a_mention_without_an_actor()
    {
        var (t, ms) = Run("يقول محللون غربيون إن");
        var m = Find(t, ms, "محللون");
        Assert.True(m.IsNominal);
        Assert.Null(m.Actor);
    }

    [Fact]
    public void A_title_is_followed_by_an_unknown_name()
    {
        var (t, ms) = Run("قال الوزير خالد العنزي إن");
        Assert.Equal(EntityKind.Person, Find(t, ms, "خالد العنزي").Kind);
    }

    [Fact]
    public void Minor_places_need_a_locative_cue()
    {
        var kb = KnowledgeBase.Default;
        var minor = kb.Entries.First(e => e.Kind == KbKind.Place && e.Tier == 2 && !e.ArabicName.Contains(' ', StringComparison.Ordinal) && e.ArabicName.Length > 4);
        var (_, bare) = Run($"قال {minor.ArabicName} شيئا");
        Assert.DoesNotContain(bare, m => m.EntryId == minor.Id);
        var (_, cued) = Run($"وقع انفجار في قرية {minor.ArabicName} أمس");
        Assert.Contains(cued, m => m.EntryId is not null && kb.Find(m.EntryId)!.Kind == KbKind.Place);
    }

    [Fact]
    public void Places_carry_coordinates()
    {
        var (t, ms) = Run("وصل ويتكوف إلى موسكو صباح الأربعاء");
        var p = Find(t, ms, "موسكو").Place!;
        Assert.Equal("RUS", p.Country);
        Assert.InRange(p.Lat!.Value, 55, 56);
    }

    [Fact]
    public void An_unknown_person_does_not_take_the_country_of_an_actor_far_before_him()
    {
        var person = Assert.Single(Reported("زار الملك الأردني عمان. وقال الأردن إن الأردن يرحب. وردت إسرائيل بعد أسابيع عبر اغتيال القيادي سمير زيدان."),
            e => e.Text == "سمير زيدان");
        Assert.NotEqual("ISR", person.Actor?.Country);
        var near = Reported("زار الملك الأردني عمان. وقال الأردن إن الأردن يرحب. وقال الوزير الإسرائيلي سمير زيدان إن بلاده ترحب.");
        Assert.Equal("ISR", Assert.Single(near, e => e.Text.Contains("سمير زيدان", StringComparison.Ordinal)).Actor?.Country);
    }

    [Theory]
    [InlineData("انفجرت سيارة مفخخة في بيشاور امس", "بيشاور", "PAK")]
    [InlineData("وصل الوفد إلى قندهار صباحا", "قندهار", "AFG")]
    [InlineData("عقد الاجتماع في كويتا", "كويتا", "PAK")]
    [InlineData("قصفت الطائرات مواقع في وزيرستان", "وزيرستان", "PAK")]
    [InlineData("اشتباكات عنيفة في اقليم هلمند", "اقليم هلمند", "AFG")]
    public void Cities_the_gazetteer_names_only_in_Urdu_or_Persian_letters_have_their_Arabic_spelling(string text, string city, string country)
    {
        var (t, ms) = Run(text);
        Assert.Equal(country, Find(t, ms, city).Actor?.Country);
    }

    [Theory]
    [InlineData("وكان متظاهرو المدينة قد ساروا في الشوارع", "متظاهرو")]
    [InlineData("وكان انتحاريان قد فجرا نفسيهما امام مصنع", "انتحاريان")]
    public void An_inflected_common_word_after_kana_is_no_name(string text, string word)
    {
        var (t, ms) = Run(text);
        Assert.DoesNotContain(ms, m => m.Span.Of(t).ToString().Contains(word, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("وقال إن عبد العزيز احتجزوا الرهائن في المدينة", "عبد العزيز")]
    [InlineData("وتجمع أنصار عبد الله وهتفوا ضد الحكومة", "عبد الله")]
    public void A_name_ends_before_a_verb_in_the_plural(string text, string name)
    {
        var (t, ms) = Run(text);
        Assert.Equal(EntityKind.Person, Find(t, ms, name).Kind);
    }

    [Theory]
    [InlineData("أجرى الرئيس السعودي اتصالا هاتفيا بنظيره الأمريكي", "اتصالا")]
    [InlineData("وأصدر الوزير الأردني بيانا رسميا حول الحادث", "بيانا")]
    public void The_accusative_of_a_common_noun_after_a_title_is_no_name(string text, string word)
    {
        var (t, ms) = Run(text);
        Assert.DoesNotContain(ms, m => m.Kind == EntityKind.Person && m.Span.Of(t).ToString().Contains(word, StringComparison.Ordinal));
    }

    [Fact]
    public void The_Pakistani_Taliban_are_not_the_Afghan_movement()
    {
        var (t, ms) = Run("تبنت حركة طالبان باكستان الهجوم، فيما نفت حركة طالبان أي صلة به");
        Assert.Equal("PAK", Find(t, ms, "حركة طالبان باكستان").Actor?.Country);
        Assert.Equal("AFG", Find(t, ms, "حركة طالبان").Actor?.Country);
    }

    [Fact]
    public void A_plural_place_noun_does_not_make_a_common_word_a_village()
    {
        var (t, ms) = Run("وصلت المسيرة إلى وسط يانغون أكبر مدن البلاد");
        Assert.DoesNotContain(ms, m => m.Span.Of(t).ToString() == "البلاد");
        Assert.Equal("MMR", Find(t, ms, "يانغون").Actor?.Country);
    }

    [Fact]
    public void A_news_agency_lends_no_country_to_an_unknown_name_after_it()
    {
        var company = Assert.Single(Reported("وقال الوزير الأمريكي في تصريح نقلته وكالة فرانس برس إن شركة تشانغ هوا ستدفع الغرامة."),
            e => e.Text.Contains("تشانغ", StringComparison.Ordinal));
        Assert.NotEqual("FRA", company.Actor?.Country);
    }

    [Fact]
    public void The_component_writes_the_layer_and_the_named_entities()
    {
        var doc = Entities.Analyze(new InputDocument { Id = "t", Text = "ويقول محللون غربيون ومسؤولون أوكرانيون إن بوتين يماطل، ولم تتمكن القوات الروسية من السيطرة.", Published = Seed });
        Assert.Null(doc.Error);
        Assert.Contains(doc.Entities, e => e.Text == "بوتين" && e.Type == "PERSON" && e.Actor!.Code == "RUSGOV");
        Assert.Contains(doc.Entities, e => e.Text == "القوات الروسية" && e.Type == "ORG" && e.Actor!.Country == "RUS");
        Assert.DoesNotContain(doc.Entities, e => e.Text.Contains("محللون", StringComparison.Ordinal) || e.Text.Contains("مسؤولون", StringComparison.Ordinal));
    }

    [Fact]
    public void Recognition_is_thread_safe_and_deterministic()
    {
        var text = File.ReadAllText(Repo.Sample("putin-witkoff.ar.txt"));
        var analysed = ArabicAnalyzer.Default.Analyze(text);
        string Signature() => string.Join(";", Recognizer.Recognize(analysed, Seed).Select(m => $"{m.Span}{m.EntryId}{m.Actor?.Code}{m.Antecedent}"));
        var expected = Signature();
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = Signature());
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}

public class UnknownNameTests
{
    private static readonly EntityRecognizer Recognizer = new(KnowledgeBase.Default);

    private static List<string> Persons(string text) =>
        [.. Recognizer.Recognize(ArabicAnalyzer.Default.Analyze(text), null).Where(m => m.Kind == EntityKind.Person && !m.IsNominal).Select(m => m.Span.Of(text).ToString())];

    [Fact]
    public void A_given_name_and_a_family_name_make_a_person()
    {
        Assert.Contains("جون ماكفيرسون", Persons("وصل جون ماكفيرسون إلى القاهرة"));
        Assert.Contains("عبد الله بن خليفة العنزي", Persons("قال عبد الله بن خليفة العنزي إن"));
    }

    [Fact]
    public void A_known_name_inside_a_longer_name_is_not_taken_alone()
    {
        var persons = Persons("استقبل الشيخ حمد بن جاسم بن جبر الوفد");
        Assert.Contains(persons, p => p.StartsWith("حمد بن جاسم", StringComparison.Ordinal));
    }

    [Fact]
    public void A_foreign_looking_name_after_a_verb_of_speech_is_a_person()
    {
        Assert.Contains("تسيمليانسكي", Persons("وقال تسيمليانسكي إن الهجوم فشل"));
    }

    [Fact]
    public void Common_words_after_a_weak_given_name_are_not_a_name()
    {
        Assert.Empty(Persons("توفي عن عمر يناهز السبعين"));
        Assert.Empty(Persons("شن هجوما حادا على الحكومة"));
    }

    [Fact]
    public void A_foreign_name_ending_like_a_plural_is_still_a_name()
    {
        Assert.Contains("جونسون", Persons("وأكد جونسون أن اللاعب سيبقى"));
        Assert.Contains("تومسون", Persons("واعترف تومسون بأن الفريق تراجع"));
        Assert.Empty(Persons("وقال مسلحون إن الهجوم فشل"));
    }

    [Fact]
    public void After_a_verb_of_speech_a_given_name_alone_or_a_weak_known_name_is_a_person()
    {
        Assert.Contains("عمرو", Persons("وقال عمرو إن الاجتماع كان مثمرا"));
        // a known person's weak name is a person, but not linked to the known one: many are called عباس
        Assert.Contains("عباس", Persons("وقال عباس إن المفاوضات مستمرة"));
        // a weak given name that is a common word is not enough
        Assert.Empty(Persons("وقال أمل الجميع أن ينتهي"));
    }

    [Fact]
    public void A_name_ends_before_an_accusative_noun_a_function_word_or_a_bare_noun_past_a_connector()
    {
        Assert.DoesNotContain("موسى نموذجا", Persons("وطلب موسى نموذجا مما كتب"));
        Assert.Contains("حجاج عبد العظيم", Persons("ويقدم الفنان حجاج عبد العظيم برنامجا تلفزيونيا"));
        Assert.Contains("أحمد أبو غزة", Persons("بحسب ما قال أحمد أبو غزة مدير التنسيق"));
        // عبد makes a given name: what follows it is no family name yet
        Assert.Contains("عبد الله أوغلان", Persons("دعا الزعيم الكردي عبد الله أوغلان إلى وقف إطلاق النار"));
        Assert.Contains("عبدالله بن خليفة العطية", Persons("وقال عبدالله بن خليفة العطية إن البنك"));
    }

    [Fact]
    public void A_person_after_a_body_and_its_country_is_not_part_of_the_body()
    {
        var ms = Recognizer.Recognize(ArabicAnalyzer.Default.Analyze("استدعى رئيس أركان الجيش الإسرائيلي دان حالوتس الضباط"), null);
        Assert.Contains(ms, m => m.Kind == EntityKind.Org && m.Span.Of("استدعى رئيس أركان الجيش الإسرائيلي دان حالوتس الضباط").ToString() == "الجيش الإسرائيلي");
        Assert.Contains("دان حالوتس", Persons("استدعى رئيس أركان الجيش الإسرائيلي دان حالوتس الضباط"));
    }

    [Fact]
    public void A_preposition_on_a_dictionary_word_starts_no_name_even_after_a_title()
    {
        Assert.Empty(Persons("طالب رئيس الوزراء بإجراء تعديل وزاري"));
        Assert.Empty(Persons("تعثرت إيطاليا بطلة العالم بتعادل مع ليتوانيا"));
        // a given name that reads as a clitic and a word is still a name: لاري is not ل + آري
        Assert.Contains("لاري سميث", Persons("اختلف مع المدرب لاري سميث في البطولة"));
    }

    [Fact]
    public void A_foreign_looking_subject_after_inna_or_kana_is_a_person()
    {
        Assert.Contains("شوماخر", Persons("وقال المتسابق إن شوماخر فاز بالسباق"));
        Assert.Contains("كافو", Persons("وكان كافو أكثر اللاعبين مشاركة"));
        Assert.Contains("حمدان", Persons("وكان حمدان سائقا في الشركة"));
        // an imperfect verb or an inflected common word is no name
        Assert.Empty(Persons("ولكن ينبغي أن يكون العمل منسقا"));
        Assert.Empty(Persons("وقالوا إن قتلوا في الهجوم كثيرون"));
    }

    [Fact]
    public void A_foreign_name_particle_starts_a_name()
    {
        Assert.Contains("فان دايك", Persons("ويفضل فان دايك المهاجمين الشبان"));
    }

    [Fact]
    public void Common_western_and_arab_given_names_start_a_name()
    {
        Assert.Contains("فلوران ديبوا", Persons("سجل فلوران ديبوا هدفا"));
        Assert.Contains("بسام خوري", Persons("وصل بسام خوري إلى بيروت"));
        // a given name that is also a verb is weak: رفعت الشركة is no person
        Assert.Empty(Persons("رفعت الشركة أسعارها"));
    }

    [Fact]
    public void A_given_name_before_a_known_persons_family_name_is_another_person()
    {
        var text = "وقال أحمد المالكي مدير المنتخب إن الفريق جاهز";
        var ms = Recognizer.Recognize(ArabicAnalyzer.Default.Analyze(text), null);
        var p = Assert.Single(ms, m => m.Kind == EntityKind.Person && !m.IsNominal);
        Assert.Equal("أحمد المالكي", p.Span.Of(text).ToString());
        Assert.Null(p.EntryId);
    }

    [Fact]
    public void A_name_before_a_number_in_brackets_is_a_person()
    {
        Assert.Contains("غوميز", Persons("وسجل الهدف الثاني غوميز ( 37 ) من ركلة حرة"));
        Assert.Contains("ميسي", Persons("وظهر ميسي ( 36 عاما ) في المباراة"));
        // a currency after a number word is no name
        Assert.Empty(Persons("بلغت الخسائر نحو مليار شيكل ( 225 مليون دولار )"));
    }

    [Fact]
    public void After_a_title_a_name_does_not_start_with_a_common_word()
    {
        Assert.Empty(Persons("وقدم الدكتور رئيس قسم السياحة في الكلية"));
        Assert.Empty(Persons("وقرر الوزير تشكيل فرق طبية"));
        // لل: a preposition and an elided article start no name either
        Assert.Empty(Persons("وكلف الأمين العام للمنظمة الدولية وسيطا"));
        // unless a connector or a given name follows it
        Assert.Contains("حشر بن مكتوم", Persons("حضر اللقاء الشيخ حشر بن مكتوم أمس"));
    }

    [Fact]
    public void A_prize_is_named_after_a_person()
    {
        Assert.Contains("نوبل", Persons("حصل الكاتب على جائزة نوبل للآداب"));
        Assert.Contains("بوليتزر", Persons("فاز الصحفي بجائزة بوليتزر"));
        Assert.Empty(Persons("حصل على جائزة أفضل لاعب"));
    }

    [Fact]
    public void A_definite_nisba_introduces_a_foreign_name()
    {
        Assert.Contains("فيليبي ماسا", Persons("أعاق السائق البرازيلي فيليبي ماسا في السباق"));
        Assert.Contains("تاكوما", Persons("وجاء الياباني تاكوما في المركز الرابع"));
        // an adjective before a verb or a common word is no title
        Assert.Empty(Persons("إن الثورة الصينية غيرت كل ذلك"));
        Assert.Empty(Persons("أشاد وزير الزراعة الياباني بالجهود المبذولة"));
    }

    [Fact]
    public void A_name_ends_before_a_word_with_a_preposition_or_a_pronoun_apart()
    {
        Assert.Contains("عماد ناصر", Persons("غاب عماد ناصر لتدريبات الفريق"));
        Assert.Contains("محمد جيدي", Persons("وقال علي محمد جيدي بالرغم من ذلك"));
        Assert.DoesNotContain("حمد قول", Persons("نقلت عن حمد قول ه إن"));
        // a foreign name that only reads as a clitic + a verb stays whole: فينغر is not ف + ينغر
        Assert.Contains("أرسين فينغر", Persons("يريد النادي الاحتفاظ بالمدرب أرسين فينغر حتى النهاية"));
    }
}

public class ActorContextTests
{
    private static readonly EntityRecognizer Recognizer = new(KnowledgeBase.Default);

    private static List<EntityMention> Run(string text) => Recognizer.Recognize(ArabicAnalyzer.Default.Analyze(text), new DateOnly(2025, 8, 6));

    [Fact]
    public void An_unknown_person_after_a_title_with_a_country_takes_that_country()
    {
        const string text = "التقى وزير الخارجية الإيراني خالد العنزي نظيره";
        var p = Run(text).Single(m => m.Span.Of(text).ToString() == "خالد العنزي");
        Assert.Equal("IRN", p.Actor!.Country);
        Assert.Equal("GOV", p.Actor.Sector);
    }

    [Fact]
    public void An_unknown_person_without_a_title_takes_the_documents_country()
    {
        const string text = "شهدت طهران احتجاجات واسعة. وقال جون ماكفيرسون إن إيران تواجه أزمة وإن إيران ستعلن خطة.";
        var p = Run(text).Single(m => m.Span.Of(text).ToString() == "جون ماكفيرسون");
        Assert.Equal("IRN", p.Actor!.Country);
    }

    [Fact]
    public void An_unknown_organisation_takes_the_documents_country()
    {
        const string text = "قالت روسيا إن موسكو سترد. وذكرت صحيفة نوفايا غازيتا أن روسيا ستعلن خطة.";
        var o = Run(text).Single(m => m.Span.Of(text).ToString() == "نوفايا غازيتا");
        Assert.Equal(("RUS", EntityKind.Org), (o.Actor!.Country, o.Kind));
    }

    [Fact]
    public void A_spokesperson_speaks_for_the_body_named_after_the_title()
    {
        const string text = "أكد المتحدث باسم وزارة الخارجية الإثيوبية أن";
        var ms = Run(text);
        var body = ms.Single(m => m.Span.Of(text).ToString() == "وزارة الخارجية الإثيوبية");
        Assert.Equal("ETHGOV", body.Actor!.Code);
        var spokes = ms.Single(m => m.Span.Of(text).ToString() == "المتحدث باسم");
        Assert.Equal("ETH", spokes.Actor!.Country);
    }

    [Fact]
    public void A_place_noun_names_an_unknown_place()
    {
        const string text = "وقع الانفجار في مدينة كزلتوبا الساحلية";
        var p = Run(text).Single(m => m.Kind == EntityKind.Gpe);
        Assert.Equal("كزلتوبا", p.Span.Of(text).ToString());
    }

    [Fact]
    public void A_coordinated_body_is_its_own_mention()
    {
        const string text = "اشتبك المحتجون والأمن الإيراني ومجلس الوزراء";
        var ms = Run(text).Select(m => m.Span.Of(text).ToString()).ToList();
        Assert.Contains("الأمن الإيراني", ms);
        Assert.Contains("مجلس الوزراء", ms);
    }
}
