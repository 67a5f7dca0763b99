using System.Text.RegularExpressions;

namespace JobMatch.Api.Backup;

/// <summary>What <c>pg_restore --list</c> says of a custom-format archive: its header, and one line per entry.</summary>
sealed partial record ArchiveListing(string Database, string CreatedAt, IReadOnlyList<string> Entries)
{
    /// <summary>Every custom-format archive starts with these bytes; anything else is not a backup of ours.</summary>
    public static bool HasSignature(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[5];
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual("PGDMP"u8);
    }

    public static ArchiveListing Parse(string output)
    {
        var lines = output.Split('\n').Select(line => line.TrimEnd()).ToList();
        string Header(Regex pattern) => lines.Select(line => pattern.Match(line)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? "?";
        return new(Header(DatabaseLine()), Header(CreatedLine()), [.. lines.Where(line => line.Length > 0 && !line.StartsWith(';'))]);
    }

    /// <summary>Tables whose rows the archive holds.</summary>
    public int Tables => Entries.Count(entry => TableData().IsMatch(entry));

    /// <summary>
    /// Extensions (pg_trgm) belong to the server, not to a backup: created if missing, never dropped and re-created
    /// (which would need their owner, and break anything else built on them).
    /// </summary>
    public IEnumerable<string> Extensions => Entries.Where(entry => Extension().IsMatch(entry));

    public IEnumerable<string> WithoutExtensions => Entries.Where(entry => !Extension().IsMatch(entry) && !ExtensionComment().IsMatch(entry));

    [GeneratedRegex(@"^;\s+dbname: (.+)$")]
    private static partial Regex DatabaseLine();

    [GeneratedRegex(@"^; Archive created at (.+)$")]
    private static partial Regex CreatedLine();

    // Entry lines read "<id>; <catalog oid> <oid> <TYPE> <schema> <name> <owner>".
    [GeneratedRegex(@"^\d+; \d+ \d+ TABLE DATA ")]
    private static partial Regex TableData();

    [GeneratedRegex(@"^\d+; \d+ \d+ EXTENSION ")]
    private static partial Regex Extension();

    [GeneratedRegex(@"^\d+; \d+ \d+ COMMENT - EXTENSION ")]
    private static partial Regex ExtensionComment();
}
