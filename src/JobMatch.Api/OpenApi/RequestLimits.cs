using System.Globalization;
using System.Text.Json.Nodes;
using JobMatch.Api.Applications;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Interactions;
using JobMatch.Api.Spreadsheets;
using JobMatch.Api.Taxonomy;
using JobMatch.Api.Veterans;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using MentoringWords = JobMatch.Api.Mentoring.Vocabulary;
using ProfileWords = JobMatch.Api.Veterans.Vocabulary;

namespace JobMatch.Api.OpenApi;

/// <summary>
/// A limit the validation answers 400 beyond. On an array, <see cref="MaxItems"/> counts items and the rest applies to each
/// item. Lengths count characters once trimmed, as the validation does. <see cref="ErrorKey"/> names the field the 400
/// reports when it is not the member itself.
/// </summary>
public sealed record Limit(int? MaxLength = null, int? MaxItems = null, long? Minimum = null, long? Maximum = null,
    IEnumerable<string>? Values = null, string? Pattern = null, int? Default = null, string? ErrorKey = null, bool Clamped = false);

/// <summary>
/// Writes into the document the limits the service enforces on what it receives: request body members by schema, query
/// and route parameters by operation, and the fixed lengths of uuid, date and date-time values. A member or parameter
/// missing here has no limit of its own beyond the body size (413); tools/openapi-lint/.spectral.yaml lists those.
/// DocumentedLimitsTests sends a value past every limit here and expects 400.
/// </summary>
public sealed class RequestLimits(TimeProvider clock) : IDocumentFilter
{
    const int Reason = 500; // AssignmentGuard.ReasonError

    static Limit Text(int maxLength, string? errorKey = null) => new(MaxLength: maxLength, ErrorKey: errorKey);

    static Limit OneOf(IEnumerable<string> values) => new(Values: values);

    static Limit Range(long minimum, long maximum, string? errorKey = null) => new(Minimum: minimum, Maximum: maximum, ErrorKey: errorKey);

    /// <summary>A limit that is clamped rather than refused (lists and rankings): documented, never answered with 400.</summary>
    static Limit Clamp(int minimum, int maximum, int @default) => new(Minimum: minimum, Maximum: maximum, Default: @default, Clamped: true);

    /// <summary>ProfileData.Texts: at most 20 items of at most 50 characters.</summary>
    static readonly Limit FreeList = new(MaxItems: 20, MaxLength: 50);

    static readonly Limit Mobile = new(MaxLength: 11, Pattern: "^1[3-9][0-9]{9}$"); // MentorsApi.IsMobile

    /// <summary>District codes, names and short names (Taxonomy.Districts.Code takes each).</summary>
    static readonly string[] DistrictSpellings = [.. Taxonomy.Districts.Spellings.Distinct()];

    static readonly string[] ConsentKinds = [.. Consents.Texts.Select(text => text.Kind)];
    static readonly string[] ConsentVersions = [.. Consents.Texts.Select(text => text.Version).Distinct()];
    static readonly string[] Kinds = [ApplicationStates.Job, ApplicationStates.Training];

    /// <summary>Codes, Chinese names and aliases of a profile vocabulary (case is ignored).</summary>
    static string[] Names(IReadOnlyDictionary<string, string> vocabulary) => [.. vocabulary.Keys];

    /// <summary>Request body members, as "Schema.member".</summary>
    public static readonly Dictionary<string, Limit> Members = new()
    {
        ["AcceptPlan.items"] = new(MaxItems: 1000),
        ["AcceptPlan.reason"] = Text(Reason),
        ["ApplicationChange.state"] = OneOf(ApplicationStates.States(ApplicationStates.Job).Concat(ApplicationStates.States(ApplicationStates.Training))),
        ["ApplicationChange.note"] = Text(1000),
        ["CertificateRecord.licenceClasses"] = FreeList with { MaxLength = null, Values = ProfileWords.LicenceClasses },
        ["CertificateRecord.specialOperations"] = FreeList,
        ["CertificateRecord.specialEquipment"] = FreeList,
        ["CertificateRecord.others"] = FreeList,
        ["ClaimRequest.idNumber"] = Text(18),
        ["ClaimRequest.code"] = Text(Veterans.Roster.ClaimCodes.MaxTyped),
        ["ConsentChange.textVersion"] = OneOf(ConsentVersions),
        ["ConsentInput.kind"] = OneOf(ConsentKinds) with { ErrorKey = "consents" },
        ["ConsentInput.textVersion"] = OneOf(ConsentVersions) with { ErrorKey = "consents" },
        ["ConsentWithdrawal.note"] = Text(200),
        ["CreateAssignment.reason"] = Text(Reason),
        ["CreateAssignment.overrideReason"] = Text(Reason),
        ["CreateCompany.name"] = Text(200),
        ["CreateCompany.creditCode"] = Text(18),
        ["CreateCompany.contactPhone"] = new(MaxLength: 30, Pattern: @"^[0-9+\-() ]{3,30}$"),
        ["CreateEnterprise.name"] = Text(200),
        ["CreateEnterprise.creditCode"] = Text(18),
        ["CreateEnterprise.founderName"] = Text(100),
        ["CreateEnterprise.founderPhone"] = Mobile,
        ["CreateEnterprise.industry"] = Text(50),
        ["CreateEnterprise.stage"] = OneOf(MentoringWords.Stages),
        ["CreateEnterprise.district"] = OneOf(DistrictSpellings),
        ["CreateEnterprise.employees"] = Range(0, 100_000),
        ["CreateEnterprise.needs"] = OneOf(MentoringWords.Needs.Keys),
        ["CreateJobFair.name"] = Text(200),
        ["CreateJobFair.declaredCompanies"] = new(Minimum: 0, ErrorKey: "declared"),
        ["CreateJobFair.declaredPositions"] = new(Minimum: 0, ErrorKey: "declared"),
        ["CreateJobFair.declaredOpenings"] = new(Minimum: 0, ErrorKey: "declared"),
        ["CreateMentor.name"] = Text(100),
        ["CreateMentor.expertise"] = OneOf(MentoringWords.Needs.Keys),
        ["CreateMentor.industries"] = Text(50),
        ["CreateMentor.district"] = OneOf(DistrictSpellings),
        ["CreateMentor.capacity"] = Range(0, 50),
        ["CreateMentor.phone"] = Mobile,
        ["CreateMentor.subject"] = Text(200),
        ["CreateProgram.name"] = Text(200),
        ["CreateProgram.college"] = Text(200),
        ["CreateProgram.degreeLevel"] = OneOf(CellParsers.EducationLevels[1..]),
        ["CreateProgram.durationMonths"] = Range(1, 120),
        ["DemoSignIn.role"] = OneOf(Roles.All),
        ["EducationRecord.level"] = OneOf(Names(ProfileWords.EducationLevels)) with { ErrorKey = "education.level" },
        ["EndAssignment.reason"] = Text(Reason),
        ["InteractionInput.kind"] = OneOf(InteractionsApi.VeteranKinds),
        ["InvitationInput.message"] = Text(500),
        ["LinkMentor.subject"] = Text(200),
        ["LinkRecruiter.subject"] = Text(200),
        ["LogSession.format"] = OneOf(MentoringWords.SessionFormats),
        ["LogSession.topics"] = new(MaxItems: 20, MaxLength: 200),
        ["LogSession.needsAddressed"] = OneOf(MentoringWords.Needs.Keys),
        ["LogSession.nextSteps"] = Text(2000),
        ["OpeningInput.title"] = Text(200),
        ["OpeningInput.headcount"] = Range(1, 100_000),
        ["OpeningInput.ageMin"] = Range(14, 80, "ageMax"),
        ["OpeningInput.ageMax"] = Range(14, 80),
        ["OpeningInput.location"] = Text(200),
        ["OpeningInput.salary"] = Text(100, "location"),
        ["OpeningInput.salaryMin"] = new(Minimum: 0, ErrorKey: "salaryMax"),
        ["OpeningInput.gender"] = Text(50, "location"),
        ["OpeningInput.kind"] = OneOf(Kinds),
        ["PreferenceRecord.districts"] = FreeList with { MaxLength = null, Values = DistrictSpellings, ErrorKey = "preferences.districts" },
        ["PreferenceRecord.industries"] = FreeList with { ErrorKey = "preferences.industries" },
        ["PreferenceRecord.minMonthlySalary"] = Range(0, 1_000_000, "preferences.minMonthlySalary"),
        ["PreferenceRecord.seeking"] = FreeList with { MaxLength = null, Values = Names(ProfileWords.Seeking), ErrorKey = "preferences.seeking" },
        ["ReassignCaseload.reason"] = Text(Reason),
        ["ReassignCaseload.overrideReason"] = Text(Reason),
        ["ServiceRecord.branch"] = OneOf(Names(ProfileWords.Branches)) with { ErrorKey = "service.branch" },
        ["ServiceRecord.years"] = Range(0, 40, "service.years"),
        ["ServiceRecord.dischargeYear"] = new(Minimum: 1950, ErrorKey: "service.dischargeYear"), // the maximum is the clock's: Apply
        ["ServiceRecord.specialties"] = FreeList with { ErrorKey = "service.specialties" },
        ["SponsorSeats.seats"] = new(Minimum: 1, ErrorKey: "sponsors"),
        ["UnmaskRequest.reason"] = Text(200),
        ["UpdateEnterprise.stage"] = OneOf(MentoringWords.Stages),
        ["UpdateEnterprise.employees"] = Range(0, 100_000),
        ["UpdateEnterprise.needs"] = OneOf(MentoringWords.Needs.Keys),
        ["UpdateMentor.capacity"] = Range(0, 50),
        ["VeteranInput.name"] = Text(50),
        ["VeteranInput.idNumber"] = Text(18),
        ["VeteranInput.skills"] = FreeList,
        ["VeteranInput.homeDistrict"] = OneOf(DistrictSpellings),
        ["VeteranInput.status"] = OneOf(Names(ProfileWords.Statuses)),
        ["VeteranInput.consents"] = new(MaxItems: 3), // known kinds, each once
    };

    /// <summary>
    /// Query and route parameters, as "METHOD /template name", or by name alone for every list that pages with
    /// <see cref="Paging"/> (cursor and limit); an entry for the operation wins over one by name.
    /// </summary>
    public static readonly Dictionary<string, Limit> Parameters = new()
    {
        ["cursor"] = Text(32), // Paging.TryDecode
        ["limit"] = Clamp(1, Paging.MaxLimit, Paging.DefaultLimit),
        ["GET /api/imports/{id}/errors cursor"] = new(Pattern: "^[0-9]+$"),
        ["GET /api/veterans/me/matches District"] = OneOf(DistrictSpellings),
        ["GET /api/veterans/me/matches Kind"] = OneOf(Kinds),
        ["GET /api/veterans/me/matches Limit"] = Clamp(1, 50, 20),
        ["GET /api/veterans/me/matches Offset"] = Range(0, 1000),
        ["GET /api/veterans/{id}/matches District"] = OneOf(DistrictSpellings),
        ["GET /api/veterans/{id}/matches Kind"] = OneOf(Kinds),
        ["GET /api/veterans/{id}/matches Limit"] = Clamp(1, 50, 20),
        ["GET /api/veterans/{id}/matches Offset"] = Range(0, 1000),
        ["GET /api/openings district"] = OneOf(DistrictSpellings),
        ["GET /api/enterprises district"] = OneOf(DistrictSpellings),
        ["GET /api/openings/{id}/candidates limit"] = Clamp(1, 50, 20),
        ["GET /api/openings/{id}/candidates offset"] = Range(0, 1000),
        ["GET /api/enterprises/{id}/mentor-suggestions limit"] = Clamp(1, 100, 10),
        ["GET /api/skills limit"] = Clamp(1, 50, 10),
        ["GET /api/specialties limit"] = Clamp(1, 100, 10),
        ["GET /api/interactions/training-set source"] = OneOf(InteractionsApi.TrainingSources),
        ["PUT /api/veterans/me/consents/{kind} kind"] = OneOf(ConsentKinds),
        ["POST /api/veterans/{id}/consents/{kind}/withdrawals kind"] = OneOf(ConsentKinds),
        ["GET /api/veterans idNumber"] = Text(18),
        ["GET /api/veterans district"] = OneOf(DistrictSpellings),
        ["GET /api/veterans branch"] = OneOf(Names(ProfileWords.Branches)),
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema is not OpenApiSchema { Properties: { } properties })
            {
                continue;
            }
            foreach (var (member, property) in properties)
            {
                if (property is OpenApiSchema target)
                {
                    FixedLengths(target);
                    if (Members.TryGetValue($"{name}.{member}", out var limit))
                    {
                        Describe(target, limit);
                    }
                    if ($"{name}.{member}" == "ServiceRecord.dischargeYear")
                    {
                        target.Maximum = ProfileData.LatestDischargeYear(clock).ToString(CultureInfo.InvariantCulture);
                    }
                }
            }
        }
        foreach (var (template, path) in document.Paths)
        {
            foreach (var (method, operation) in path.Operations ?? [])
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    if (parameter.Schema is not OpenApiSchema schema)
                    {
                        continue;
                    }
                    FixedLengths(schema);
                    if (Parameters.TryGetValue($"{method.Method.ToUpperInvariant()} {template} {parameter.Name}", out var limit)
                        || Parameters.TryGetValue(parameter.Name ?? "", out limit))
                    {
                        Describe(schema, limit);
                        if (limit.Clamped)
                        {
                            parameter.Description = $"Default {limit.Default}; values outside {limit.Minimum}–{limit.Maximum} are clamped.";
                        }
                    }
                }
            }
        }
    }

    /// <summary>Lengths of the ISO forms System.Text.Json reads and writes: a uuid, a date, a date-time with offset.</summary>
    static void FixedLengths(OpenApiSchema schema)
    {
        var target = schema.Items as OpenApiSchema ?? schema;
        target.MaxLength ??= target.Format switch { "uuid" => 36, "date" => 10, "date-time" => 33, _ => null };
    }

    static void Describe(OpenApiSchema schema, Limit limit)
    {
        var isArray = schema.Type?.HasFlag(JsonSchemaType.Array) == true;
        if (isArray)
        {
            schema.MaxItems = limit.MaxItems ?? schema.MaxItems;
        }
        var value = isArray ? schema.Items as OpenApiSchema ?? schema : schema;
        value.MaxLength = limit.MaxLength ?? value.MaxLength;
        value.Pattern = limit.Pattern ?? value.Pattern;
        value.Minimum = limit.Minimum?.ToString(CultureInfo.InvariantCulture) ?? value.Minimum;
        value.Maximum = limit.Maximum?.ToString(CultureInfo.InvariantCulture) ?? value.Maximum;
        if (limit.Default is { } @default)
        {
            value.Default = JsonValue.Create(@default);
        }
        if (limit.Values is { } values)
        {
            value.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }
}
