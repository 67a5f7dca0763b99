namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Taxonomy as a client reads them: only the fields the tests read.

/// <summary>A specialty with the skills it maps to (match type "most duties", "some duties" ...).</summary>
public sealed record SpecialtyDetailAnswer(string Code, string NameZh, IReadOnlyList<SpecialtySkillAnswer> Skills);

public sealed record SpecialtySkillAnswer(string SkillId, string MatchType);

/// <summary>A specialty as searched.</summary>
public sealed record SpecialtyAnswer(string Code);

/// <summary>A skill as searched, with the occupation of the national classification it belongs to, if any.</summary>
public sealed record SkillAnswer(string Id, OccupationAnswer? Occupation);

public sealed record OccupationAnswer(string Code);

public sealed record DistrictAnswer(string Code, string NameZh, string? NameEn);

public sealed record EducationLevelAnswer(string Code, string Label, string LabelEn);

public sealed record ServiceBranchAnswer(string Code, string Label);
