using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JobMatch.Bench;

/// <summary>
/// BM25 top k as a search engine answers it: CJK bigrams (Lucene.Net.Analysis.Common's CJKAnalyzer), one SHOULD
/// clause per distinct query bigram, the k best documents only (the evaluation's Bm25Baseline scores every document).
/// </summary>
internal sealed class LuceneTopK : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LuceneTopK(IEnumerable<(string Id, string Text)> documents)
    {
        var watch = Stopwatch.StartNew();
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var (id, text) in documents)
            {
                writer.AddDocument(new Document { new StringField("id", id, Field.Store.YES), new TextField("text", text, Field.Store.NO) });
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        BuildSeconds = watch.Elapsed.TotalSeconds;
    }

    public double BuildSeconds { get; }

    public string[] Top(string queryText, int k)
    {
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = _analyzer.GetTokenStream("text", new StringReader(queryText)))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (seen.Add(term.ToString()) && seen.Count <= BooleanQuery.MaxClauseCount)
                {
                    query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
                }
            }
            stream.End();
        }
        return seen.Count == 0 ? [] : [.. _searcher.Search(query, k).ScoreDocs.Select(hit => _searcher.Doc(hit.Doc).Get("id"))];
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
