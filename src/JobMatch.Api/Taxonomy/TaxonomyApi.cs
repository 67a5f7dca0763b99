using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Taxonomy;

public sealed record SkillEntry(string Id, string NameZh, string NameEn, string Category, IReadOnlyList<string> Synonyms, Occupation? Occupation);

public sealed record SpecialtyEntry(string Code, string NameZh, string NameEn, IReadOnlyList<string> Aliases);

public sealed record SpecialtySkill(string SkillId, string NameZh, string NameEn, string MatchType);

/// <summary>A district of Huainan: the code district fields store, its names and kind (district, county, or pseudo for a zone).</summary>
public sealed record DistrictEntry(string Code, string NameZh, string? NameEn, string Kind);

public sealed record SpecialtyDetail(string Code, string NameZh, string NameEn, IReadOnlyList<string> Aliases, IReadOnlyList<SpecialtySkill> Skills);

/// <summary>Autocompletion over the skills taxonomy and the military-specialty crosswalk (data/taxonomy); the districts and education levels.</summary>
public static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomy(this IEndpointRouteBuilder app)
    {
        // Load the files now: a broken taxonomy stops the start instead of failing the first request.
        _ = app.ServiceProvider.GetRequiredService<ReferenceData>();
        var skills = app.MapGroup("/api/skills").WithTags("Taxonomy").RequireAuthorization(Policies.AnyRole);
        skills.MapGet("/", SearchSkills).ClampsLimits()
            .WithSummary("Skills whose name or synonym matches q (any script, width or spacing), for autocompletion");
        var specialties = app.MapGroup("/api/specialties").WithTags("Taxonomy").RequireAuthorization(Policies.AnyRole);
        specialties.MapGet("/", SearchSpecialties).ClampsLimits().WithSummary("Military specialties whose code, name or alias matches q");
        specialties.MapGet("/{code}", GetSpecialty).WithSummary("One military specialty with its civilian skills and match types");
        app.MapGet("/api/districts", ListDistricts).WithTags("Taxonomy").RequireAuthorization(Policies.AnyRole)
            .WithSummary("Huainan's districts and zones (data/districts.csv), for pickers and to name codes")
            .WithDescription("A district filter or field takes the code, the Chinese name or the short name (340403, 田家庵区, 田家庵); "
                + "answers carry the code.");
        app.MapGet("/api/education-levels", ListEducationLevels).WithTags("Taxonomy").RequireAuthorization(Policies.AnyRole)
            .WithSummary("The education levels, lowest first: the code stored and answered, its Chinese label and English name")
            .WithDescription("An education field or filter takes the code, the label or a usual spelling (bachelor, 本科, 本科及以上); "
                + "answers carry the code with its label beside it (education and educationLabel).");
        app.MapGet("/api/service-branches", ListServiceBranches).WithTags("Taxonomy").RequireAuthorization(Policies.AnyRole)
            .WithSummary("The service branches: the code stored and answered, its Chinese label and English name")
            .WithDescription("A branch field or filter takes the code, the label or a short form (armed_police, 武警部队, 武警); "
                + "answers carry the code.");
        return app;
    }

    static Ok<IReadOnlyList<SkillEntry>> SearchSkills(ReferenceData data, string? q, [Clamped(1, 50, 10)] int? limit) =>
        TypedResults.Ok<IReadOnlyList<SkillEntry>>(data.Skills.Suggest(q ?? "", limit!.Value)
            .Select(s => new SkillEntry(s.Id, s.NameZh, s.NameEn, s.Category, s.Synonyms, data.Occupations.GetValueOrDefault(s.Id))).ToList());

    static Ok<IReadOnlyList<DistrictEntry>> ListDistricts() =>
        TypedResults.Ok<IReadOnlyList<DistrictEntry>>([.. Districts.All.Select(d => new DistrictEntry(d.Code, d.Name, d.NameEn, d.Kind))]);

    static Ok<IReadOnlyList<EducationEntry>> ListEducationLevels() => TypedResults.Ok(EducationCodes.All);

    static Ok<IReadOnlyList<BranchEntry>> ListServiceBranches() => TypedResults.Ok(ServiceBranches.All);

    static Ok<IReadOnlyList<SpecialtyEntry>> SearchSpecialties(ReferenceData data, string? q, [Clamped(1, 100, 10)] int? limit) =>
        TypedResults.Ok<IReadOnlyList<SpecialtyEntry>>(data.Specialties.Search(q, limit!.Value)
            .Select(s => new SpecialtyEntry(s.Code, s.NameZh, s.NameEn, s.Aliases)).ToList());

    static Results<Ok<SpecialtyDetail>, NotFound> GetSpecialty(ReferenceData data, string code) =>
        data.Specialties.Find(code) is { } specialty
            ? TypedResults.Ok(new SpecialtyDetail(specialty.Code, specialty.NameZh, specialty.NameEn, specialty.Aliases,
                data.Specialties.SkillsOf(specialty).Select(entry => ToSkill(data, entry)).ToList()))
            : TypedResults.NotFound();

    static SpecialtySkill ToSkill(ReferenceData data, CrosswalkEntry entry)
    {
        var skill = data.Skills.Taxonomy.Find(entry.SkillId)!;
        return new SpecialtySkill(skill.Id, skill.NameZh, skill.NameEn, entry.Match == CrosswalkMatch.Most ? "most duties" : "some duties");
    }
}
