using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Features;

/// <summary>Turns (veteran, opening) pairs into <see cref="FeatureSchema"/> vectors; prepare each side once, then pair cheaply.</summary>
public sealed class FeatureBuilder(RankingTaxonomy taxonomy, SkillRarity rarity)
{
    public RankingTaxonomy Taxonomy { get; } = taxonomy;

    public PreparedVeteran PrepareVeteran(VeteranProfile profile)
    {
        var sources = new SkillSource[Taxonomy.Skills.Count];
        foreach (var specialty in profile.Specialties)
        {
            foreach (var entry in Taxonomy.Crosswalk.For(specialty))
            {
                Upgrade(sources, entry.SkillId, entry.Match == CrosswalkMatch.Most ? SkillSource.CrosswalkMost : SkillSource.CrosswalkSome);
            }
        }

        foreach (var id in Taxonomy.Skills.FindInText(profile.ProfileText))
        {
            Upgrade(sources, id, SkillSource.ProfileText);
        }

        foreach (var id in profile.SkillIds)
        {
            Upgrade(sources, id, SkillSource.Declared);
        }

        var text = string.Join(' ', profile.ProfileText, string.Join(' ', profile.Specialties), profile.Major ?? "");
        return new PreparedVeteran(profile, sources, TextVector.From(text), TextVector.From(string.Join(' ', profile.Specialties)),
            profile.Certificates.Select(Certificates.Normalize).ToArray());
    }

    public PreparedOpening PrepareOpening(Opening opening)
    {
        // A listing without structured skills still names them in its text; both count as required.
        var ids = opening.RequiredSkillIds.Concat(Taxonomy.Skills.FindInText(opening.Title + " " + opening.Text)).Distinct();
        var indices = ids.Select(id => Taxonomy.Skills.TryGetIndex(id, out var i) ? i : -1).Where(i => i >= 0).ToArray();
        return new PreparedOpening(
            opening,
            indices,
            indices.Select(i => rarity[i]).ToArray(),
            TextVector.From(opening.Title + " " + opening.Text),
            TextVector.From(opening.Title),
            opening.RequiredCertificates.Select(Certificates.Normalize).ToArray());
    }

    /// <summary>Writes the pair's features into <paramref name="destination"/> (length <see cref="FeatureSchema.Count"/>).</summary>
    public void Build(PreparedVeteran veteran, PreparedOpening prepared, DateTime asOf, Span<float> destination)
    {
        var v = veteran.Profile;
        var o = prepared.Opening;
        float coverage = 0, matched = 0, direct = 0, most = 0, some = 0;
        for (var k = 0; k < prepared.SkillIndices.Length; k++)
        {
            var source = veteran.SkillSources[prepared.SkillIndices[k]];
            coverage += prepared.SkillRarity[k] * SkillCredit.Of(source);
            matched += source == SkillSource.None ? 0 : 1;
            direct += source == SkillSource.Declared ? 1 : 0;
            most += source == SkillSource.CrosswalkMost ? 1 : 0;
            some += source == SkillSource.CrosswalkSome ? 1 : 0;
        }

        var required = Math.Max(1, prepared.SkillIndices.Length);
        destination[FeatureSchema.SkillCoverage] = prepared.RarityTotal > 0 ? coverage / prepared.RarityTotal : 0;
        destination[FeatureSchema.SkillMatchCount] = matched;
        destination[FeatureSchema.SkillDirectShare] = direct / required;
        destination[FeatureSchema.CrosswalkMostShare] = most / required;
        destination[FeatureSchema.CrosswalkSomeShare] = some / required;

        var known = v.Education is not null && o.MinEducation is not null;
        destination[FeatureSchema.EducationGap] = known ? (int)v.Education!.Value - (int)o.MinEducation!.Value : 0;
        destination[FeatureSchema.EducationMeets] = o.MinEducation is null ? 1 : v.Education is null ? 0.5f : known && v.Education >= o.MinEducation ? 1 : 0;
        destination[FeatureSchema.MajorMatch] = MajorMatch(v.Major, o.Majors);

        var missing = Certificates.Missing(veteran.Certificates, prepared.Certificates);
        destination[FeatureSchema.CertificatesHeldShare] = prepared.Certificates.Length == 0 ? 1 : 1 - ((float)missing / prepared.Certificates.Length);
        destination[FeatureSchema.CertificatesMissing] = missing;

        destination[FeatureSchema.SameDistrict] = v.DistrictCode is not null && v.DistrictCode == o.DistrictCode ? 1 : 0;
        destination[FeatureSchema.DistanceKm] = (float)(Taxonomy.Districts.DistanceKm(v.DistrictCode, o.DistrictCode) ?? -1);

        var offer = o.SalaryMax ?? o.SalaryMin;
        var salaryKnown = offer is not null && v.MinMonthlySalary is > 0;
        destination[FeatureSchema.SalaryFit] = salaryKnown ? Math.Clamp((float)(offer!.Value - v.MinMonthlySalary!.Value) / v.MinMonthlySalary.Value, -1f, 2f) : 0;
        destination[FeatureSchema.SalaryKnown] = salaryKnown ? 1 : 0;

        destination[FeatureSchema.IndustryPreferred] = v.PreferredIndustries.Count == 0 ? 0.5f : v.PreferredIndustries.Contains(o.Industry) ? 1 : 0;
        destination[FeatureSchema.KindPreferred] = v.PreferredKinds.Count == 0 ? 0.5f : v.PreferredKinds.Contains(o.Kind) ? 1 : 0;
        destination[FeatureSchema.TextSimilarity] = veteran.Text.Cosine(prepared.Text);
        destination[FeatureSchema.TitleSimilarity] = veteran.Text.Cosine(prepared.Title);
        destination[FeatureSchema.RemainingHeadcountLog] = MathF.Log(1 + o.RemainingHeadcount);
        destination[FeatureSchema.DaysSincePosted] = (float)Math.Clamp((asOf - o.PostedAt).TotalDays, 0, 365);
        destination[FeatureSchema.IsTraining] = o.Kind == OpeningKind.Training ? 1 : 0;

        var preferred = v.PreferredDistrictCodes;
        destination[FeatureSchema.PreferredDistrict] = preferred.Count == 0 || o.DistrictCode is null ? 0.5f : preferred.Contains(o.DistrictCode) ? 1 : 0;
        destination[FeatureSchema.NearestKm] = NearestKm(v, o.DistrictCode);
        destination[FeatureSchema.SpecialtyTitleSimilarity] = veteran.Specialties.Cosine(prepared.Title);
        destination[FeatureSchema.CertificatesUnknown] = !v.CertificatesRecorded && prepared.Certificates.Length > 0 ? 1 : 0;
    }

    /// <summary>Features of one veteran against many openings, row-major in one array (rows × <see cref="FeatureSchema.Count"/>).</summary>
    public float[] BuildMatrix(PreparedVeteran veteran, IReadOnlyList<PreparedOpening> openings, DateTime asOf)
    {
        var width = FeatureSchema.Count;
        var matrix = new float[openings.Count * width];
        for (var i = 0; i < openings.Count; i++)
        {
            Build(veteran, openings[i], asOf, matrix.AsSpan(i * width, width));
        }

        return matrix;
    }

    /// <summary>The opening's required skills the veteran has, strongest route first: what an explanation names.</summary>
    public IReadOnlyList<(Skill Skill, SkillSource Source)> MatchedSkills(PreparedVeteran veteran, PreparedOpening opening) =>
        opening.SkillIndices
            .Select(i => (Skill: Taxonomy.Skills[i], Source: veteran.SkillSources[i]))
            .Where(m => m.Source != SkillSource.None)
            .OrderBy(m => m.Source)
            .ToArray();

    private void Upgrade(SkillSource[] sources, string skillId, SkillSource source)
    {
        if (Taxonomy.Skills.TryGetIndex(skillId, out var index) && (sources[index] == SkillSource.None || source < sources[index]))
        {
            sources[index] = source;
        }
    }

    private float NearestKm(VeteranProfile v, string? district)
    {
        var nearest = -1.0;
        foreach (var from in v.PreferredDistrictCodes.Append(v.DistrictCode))
        {
            if (Taxonomy.Districts.DistanceKm(from, district) is { } km && (nearest < 0 || km < nearest))
            {
                nearest = km;
            }
        }

        return (float)nearest;
    }

    private static float MajorMatch(string? major, IReadOnlyList<string> majors)
    {
        if (majors.Count == 0 || majors.Any(m => m is "不限" or "专业不限"))
        {
            return 0;
        }

        return major is not null && majors.Any(m => m.Contains(major, StringComparison.Ordinal) || major.Contains(m, StringComparison.Ordinal)) ? 1 : -1;
    }
}
