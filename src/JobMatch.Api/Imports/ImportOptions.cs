using System.ComponentModel.DataAnnotations;

namespace JobMatch.Api.Imports;

/// <summary>Configuration section "Imports": limits on uploaded spreadsheets.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Files over this size answer 413.</summary>
    [Range(1024, 1L << 31)]
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Rows a file may have (everyone, staff included): one more refuses the file.</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 500_000;

    /// <summary>A recruiter's daily quota (from midnight in Shanghai): files imported into fairs and programs. Staff have none.</summary>
    [Range(1, 100_000)]
    public int RecruiterFilesPerDay { get; set; } = 20;

    /// <summary>A recruiter's daily quota: data rows read from those files; a file that would pass it is refused whole.</summary>
    [Range(1, 10_000_000)]
    public int RecruiterRowsPerDay { get; set; } = 5_000;

    /// <summary>Zip-bomb guard: the unpacked size an XLSX may declare.</summary>
    [Range(1024, 1L << 34)]
    public long MaxXlsxUncompressedBytes { get; set; } = 1L << 30;

    /// <summary>Zip-bomb guard enforced by the Open XML SDK while reading a part.</summary>
    [Range(1024, 1L << 34)]
    public long MaxXlsxPartCharacters { get; set; } = 1L << 30;
}
