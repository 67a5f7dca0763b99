using System.Text.Json;
using JobMatch.Api.Conventions;
using Microsoft.AspNetCore.Http.Metadata;

namespace JobMatch.Api.Imports;

/// <summary>A spreadsheet sent as multipart/form-data: its name, its bytes and an optional mapping of fields to header text.</summary>
public sealed record Upload<TField>(string FileName, byte[] Bytes, Dictionary<TField, string>? Mapping) where TField : struct, Enum;

/// <summary>What a handler answers when the upload cannot be used: exactly one of the two is set.</summary>
public sealed record UploadRefusal(ProblemHttpResult? Problem, ValidationProblem? Invalid);

/// <summary>A form field sent beside the file: its name, what it is (Chinese, English), and the values it takes, if listed.</summary>
public sealed record UploadField(string Name, string Chinese, string English, IReadOnlyList<string>? Values = null);

/// <summary>
/// Endpoint metadata of an import: the multipart/form-data form it reads (the file, then <see cref="Fields"/>), which the
/// OpenAPI document describes (OpenApi/UploadForms), and the body limit: the file's limit and a little for the form.
/// </summary>
public sealed class UploadForm(long maxFileBytes, IReadOnlyList<UploadField> fields) : IRequestSizeLimitMetadata
{
    /// <summary>What the form around the file may add to the body beyond the file itself (checked exactly).</summary>
    public const long FormAllowance = 64 * 1024;

    public long MaxFileBytes => maxFileBytes;
    public IReadOnlyList<UploadField> Fields => fields;
    public long? MaxRequestBodySize => maxFileBytes + FormAllowance;
}

/// <summary>Reading an upload the same way for every import (positions, roster, placements): 415, 413 and field errors.</summary>
public static class Uploads
{
    /// <summary>The form field of the file; a form without it is read from its first file.</summary>
    public const string FileField = "file";

    /// <summary>The optional mapping of fields to header text, read by <see cref="ReadAsync"/>.</summary>
    public static readonly UploadField Mapping = new("mapping", "可选：JSON 对象，字段名 → 表头文字（表头无法自动识别时）",
        "Optional: a JSON object from field name to header text, for headers not recognised on their own");

    /// <summary>An import route: it reads a multipart/form-data form (the file, then <paramref name="fields"/>) within the file limit.</summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder route, ImportOptions options, params UploadField[] fields) =>
        route.WithMetadata(new UploadForm(options.MaxFileBytes, fields)).DisableAntiforgery();

    /// <param name="mappingExample">A JSON example of the mapping, shown in the error when the mapping is not understood.</param>
    public static async Task<(Upload<TField>? Upload, UploadRefusal? Refusal)> ReadAsync<TField>(
        HttpRequest request, ImportOptions options, string mappingExample, CancellationToken ct) where TField : struct, Enum
    {
        if (!request.HasFormContentType)
        {
            return (null, new(TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: Say.Text(
                "请以 multipart/form-data 上传文件（字段 file）。", "Upload the file as multipart/form-data (field \"file\").")), null));
        }
        if (await TryReadFormAsync(request, ct) is not { } form)
        {
            return (null, Invalid("file", "multipart/form-data 请求体格式错误（缺少分隔符或不完整）。", "The multipart/form-data body is malformed (no boundary, or cut short)."));
        }
        if ((form.Files.GetFile(FileField) ?? form.Files.FirstOrDefault()) is not { } file)
        {
            return (null, Invalid("file", "请上传文件（字段 file）：CSV 或 XLSX。", "Upload a file (field \"file\"): CSV or XLSX."));
        }
        if (file.Length > options.MaxFileBytes)
        {
            return (null, new(TypedResults.Problem(statusCode: 413, title: "File too large", detail: Say.Text(
                $"文件超过 {options.MaxFileBytes} 字节的上限。", $"The file is over the limit of {options.MaxFileBytes} bytes.")), null));
        }
        if (!TryReadMapping<TField>(form[Mapping.Name], out var mapping))
        {
            return (null, Invalid("mapping", $"mapping 应为 JSON 对象：字段名 → 表头文字，如 {mappingExample}。",
                $"mapping must be a JSON object from field to header text, e.g. {mappingExample}."));
        }
        var bytes = await BytesAsync(file, ct);
        var fileName = Path.GetFileName(file.FileName) is { Length: > 0 and <= 255 } name ? name : "upload";
        return (new Upload<TField>(fileName, bytes, mapping), null);
    }

    /// <summary>The uploaded file's bytes, read whole (its size already checked against the limit).</summary>
    public static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, ct);
        }
        return bytes;
    }

    /// <summary>The form, or null when the multipart body cannot be parsed (no boundary, cut short): a bad request, not a failure.</summary>
    public static async Task<IFormCollection?> TryReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (Exception malformed) when (malformed is InvalidDataException || malformed is IOException and not BadHttpRequestException)
        {
            return null;
        }
    }

    static UploadRefusal Invalid(string field, string chinese, string english) =>
        new(null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Say.Text(chinese, english)] }));

    static bool TryReadMapping<TField>(string? json, out Dictionary<TField, string>? mapping) where TField : struct, Enum
    {
        mapping = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            return true;
        }
        try
        {
            mapping = [];
            foreach (var (field, header) in JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [])
            {
                if (!Enum.TryParse<TField>(field, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || string.IsNullOrWhiteSpace(header))
                {
                    return false;
                }
                mapping[parsed] = header;
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
