using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace JobMatch.Ranking.Evaluation;

/// <summary>
/// BM25 of the veteran's profile text against each opening's title and description, through Lucene.Net with the
/// CJK bigram analyzer (Chinese needs n-grams or a segmenter; whitespace tokenising finds nothing).
/// </summary>
public sealed class Bm25Baseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer = new CJKAnalyzer(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string[] _idOfDoc;

    /// <param name="documents">Opening id and text.</param>
    public Bm25Baseline(IEnumerable<(string Id, string Text)> documents)
    {
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var (id, text) in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", id, Field.Store.YES),
                    new TextField("text", text, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _idOfDoc = Enumerable.Range(0, _reader.MaxDoc).Select(d => _reader.Document(d).Get("id")).ToArray();
    }

    /// <summary>BM25 score of every indexed opening for the query text; openings sharing no bigram are absent (score 0).</summary>
    public Dictionary<string, float> Scores(string queryText)
    {
        var query = new BooleanQuery();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = _analyzer.GetTokenStream("text", new StringReader(queryText)))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (terms.Add(term.ToString()) && terms.Count <= BooleanQuery.MaxClauseCount)
                {
                    query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
                }
            }

            stream.End();
        }

        var result = new Dictionary<string, float>(StringComparer.Ordinal);
        if (terms.Count == 0)
        {
            return result;
        }

        foreach (var hit in _searcher.Search(query, Math.Max(1, _reader.MaxDoc)).ScoreDocs)
        {
            result[_idOfDoc[hit.Doc]] = hit.Score;
        }

        return result;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
