using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace HiTechTex.Bot.Features.Partners;

/// <summary>
/// The full-text index of the partner directory (Lucene.Net 4.8), in memory or in a folder.
/// <para>
/// Consistency: one <see cref="IndexWriter"/>; every change is committed and the <see cref="SearcherManager"/>
/// refreshed before the call returns, so a search right after <see cref="Upsert"/> sees it. Writes are serialised by
/// a lock; searches run concurrently on acquired searchers. The commit carries a <see cref="PartnerIndexStamp"/> so a
/// start-up can tell a stale on-disk index from a current one (<see cref="EnsureCurrent"/>).
/// </para>
/// <para>
/// Ranking: Lucene scores the text clauses — description in its language field (boost 1), name (2), the
/// language-neutral text field (0.5) and its fuzzy variants (0.2, one edit after an exact first letter, words of five letters or
/// more, so a typo always scores below the exact word), taxonomy ids the query's words map to through the multilingual synonym
/// map (3), and countries/regions the query names (1.5). Filters are hard (they narrow, they do not score). The
/// top <see cref="CandidateWindow"/> candidates are then re-ranked by
/// <c>final = 0.35 · relevance + 0.65 · fit</c>, where relevance = score / best score among the candidates and fit =
/// (taxonomy terms of the query the organisation has + 1 if it is in a place the query names) / (taxonomy terms
/// in the query + 1 if the query names a place); without recognised terms or places, final = relevance.
/// </para>
/// </summary>
public sealed class PartnerSearchIndex : IDisposable
{
    /// <summary>Lucene candidates re-ranked per search; hits beyond them (deep pages) follow in Lucene's order.</summary>
    public const int CandidateWindow = 200;

    /// <summary>Share of text relevance in the final score; the rest is fit to the terms and places the query names.</summary>
    public const double RelevanceWeight = 0.35;

    private const string IdField = "id";
    private const string NameField = "name";
    private const string TextField = "text";
    private const string DescriptionStored = "desc";
    private const string TaxonomyField = "taxonomy";
    private const string DeclaredField = "declared";
    private const string KindField = "kind";
    private const string CountryField = "country";
    private const string RegionField = "region";
    private const string RegionKeyField = "region_key";
    private const string CityField = "city";
    private const string StampKey = "hitechtex.stamp";

    // Column-stored copies (DocValues) that re-ranking reads for every candidate: far cheaper than stored fields,
    // which Lucene keeps compressed in blocks and would decompress once per candidate.
    private const string IdValues = "dv_id";
    private const string NameValues = "dv_name";
    private const string CountryValues = "dv_country";
    private const string RegionValues = "dv_region";
    private const string TaxonomyValues = "dv_taxonomy";

    // Stored fields are read for the page's hits only.
    private static readonly HashSet<string> HitFields = [KindField, CityField, DescriptionStored];

    private static readonly VocabularyMatcher TaxonomyVocabulary = VocabularyMatcher.ForTaxonomy();
    private static readonly VocabularyMatcher CountryVocabulary = PartnerGeography.CountryMatcher();
    private static readonly VocabularyMatcher RegionVocabulary = PartnerGeography.RegionMatcher();

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();
    private readonly ILogger _logger;
    private DateTimeOffset _lastUpdated;
    private long _sequence;

    public PartnerSearchIndex(IOptions<PartnersOptions> options, ILogger<PartnerSearchIndex> logger)
        : this(options.Value.IndexPath, logger)
    {
    }

    /// <param name="path">A folder for an on-disk index, or null/empty for an in-memory one.</param>
    public PartnerSearchIndex(string? path, ILogger logger)
    {
        _logger = logger;
        _directory = string.IsNullOrWhiteSpace(path) ? new RAMDirectory() : FSDirectory.Open(path);
        _analyzer = PartnerAnalyzers.Create();
        _writer = new IndexWriter(_directory, new IndexWriterConfig(PartnerAnalyzers.Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND });
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        Stamp = ReadStamp();
        _lastUpdated = Stamp?.LastUpdated ?? DateTimeOffset.MinValue;
        _sequence = Stamp?.Sequence ?? 0;
    }

    /// <summary>The stamp of the last commit; null for a new, never-built index.</summary>
    public PartnerIndexStamp? Stamp { get; private set; }

    /// <summary>Number of organisations in the index.</summary>
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Adds or replaces an organisation; one without listing consent is removed instead.</summary>
    public void Upsert(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        lock (_writeLock)
        {
            if (organisation.ListingConsent)
            {
                _writer.UpdateDocument(new Term(IdField, organisation.Id), ToDocument(organisation));
                if (organisation.LastUpdated > _lastUpdated)
                {
                    _lastUpdated = organisation.LastUpdated;
                }
            }
            else
            {
                _writer.DeleteDocuments(new Term(IdField, organisation.Id));
            }

            CommitAndRefresh();
        }
    }

    public void Delete(string id)
    {
        lock (_writeLock)
        {
            _writer.DeleteDocuments(new Term(IdField, id));
            CommitAndRefresh();
        }
    }

    /// <summary>Replaces the whole index with <paramref name="organisations"/> in one commit (searches see the old or the new index, never half).</summary>
    /// <param name="sequence">The directory's change counter the organisations were read at (0 for an in-memory directory).</param>
    public void Rebuild(IEnumerable<Organisation> organisations, long sequence = 0)
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            _lastUpdated = DateTimeOffset.MinValue;
            _sequence = sequence;
            var count = 0;
            foreach (var organisation in organisations.Where(o => o.ListingConsent))
            {
                _writer.AddDocument(ToDocument(organisation));
                if (organisation.LastUpdated > _lastUpdated)
                {
                    _lastUpdated = organisation.LastUpdated;
                }

                count++;
            }

            CommitAndRefresh();
            Log.PartnerIndexRebuilt(_logger, count);
        }
    }

    /// <summary>Rebuilds the index when its stamp differs from the directory's (missing, stale or of an older layout).</summary>
    /// <returns>True when it rebuilt.</returns>
    public bool EnsureCurrent(IReadOnlyCollection<Organisation> organisations, long sequence = 0)
    {
        var expected = PartnerIndexStamp.Of(organisations) with { Sequence = sequence };
        var actual = ReadStamp();
        if (expected == actual)
        {
            Stamp = actual;
            Log.PartnerIndexCurrent(_logger, expected.Count);
            return false;
        }

        Log.PartnerIndexStale(_logger, actual?.ToString() ?? "none", expected.ToString());
        Rebuild(organisations, sequence);
        return true;
    }

    /// <summary>
    /// Applies changes another instance made (read from the directory by change counter) in one commit: upserts (an
    /// organisation without listing consent is removed) and deletes. <paramref name="sequence"/> is the newest change
    /// applied; it goes into the stamp.
    /// </summary>
    public void Apply(IEnumerable<Organisation> upserts, IEnumerable<string> deletedIds, long sequence)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletedIds);
        lock (_writeLock)
        {
            foreach (var organisation in upserts)
            {
                if (organisation.ListingConsent)
                {
                    _writer.UpdateDocument(new Term(IdField, organisation.Id), ToDocument(organisation));
                    if (organisation.LastUpdated > _lastUpdated)
                    {
                        _lastUpdated = organisation.LastUpdated;
                    }
                }
                else
                {
                    _writer.DeleteDocuments(new Term(IdField, organisation.Id));
                }
            }

            foreach (var id in deletedIds)
            {
                _writer.DeleteDocuments(new Term(IdField, id));
            }

            _sequence = Math.Max(_sequence, sequence);
            CommitAndRefresh();
        }
    }

    public PartnerSearchResults Search(PartnerSearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 0, 100);
        var parsed = ParsedQuery.Parse(query.Text ?? string.Empty);
        var filters = FilterTerms(query);

        var searcher = _searchers.Acquire();
        try
        {
            var excluded = query.ExceptCountries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new Term(CountryField, c.Trim().ToUpperInvariant()))
                .Concat(query.ExceptRegions.Where(r => !string.IsNullOrWhiteSpace(r))
                    .Select(r => new Term(RegionKeyField, TextFolding.Fold((PartnerGeography.FindRegion(r)?.Name ?? r).Trim()))))
                .ToList();
            var lucene = BuildQuery(parsed);
            if (lucene is null)
            {
                // Text made only of stop words or signs ("the", "*", "?"): nothing to match, rather than everything — unless
                // filters were chosen beside it (Italy on the filters card): then the text adds nothing and the filters
                // decide, instead of "No organisation matches" for a country of 56.
                if (filters.Count == 0 && excluded.Count == 0)
                {
                    return new PartnerSearchResults([], 0);
                }

                lucene = new MatchAllDocsQuery();
            }

            Filter? filter = filters.Count == 0 && excluded.Count == 0 ? null : new QueryWrapperFilter(AllOf(filters, excluded));
            var top = searcher.Search(lucene, filter, Math.Max(skip + take, CandidateWindow));
            var best = top.ScoreDocs.Length == 0 ? 1f : Math.Max(top.ScoreDocs.Max(d => d.Score), float.Epsilon);

            // The first CandidateWindow hits are re-ranked, those after them keep Lucene's order: re-ranking however many
            // hits a later page fetches would reorder the window itself, and paging would then show some organisations
            // twice and others never.
            var values = new CandidateValues(searcher.IndexReader);
            var candidates = top.ScoreDocs.Select(d => Candidate.From(d.Doc, values, d.Score / best, parsed)).ToList();
            var ranked = candidates.Take(CandidateWindow)
                .OrderByDescending(c => c.Final)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .ThenBy(c => c.Id, StringComparer.Ordinal)
                .Concat(candidates.Skip(CandidateWindow))
                .Skip(skip)
                .Take(take)
                .Select(c => c.ToHit(parsed, query, searcher.Doc(c.DocId, HitFields)))
                .ToList();
            return new PartnerSearchResults(ranked, top.TotalHits);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private PartnerIndexStamp? ReadStamp() =>
        _writer.CommitData is { } data && data.TryGetValue(StampKey, out var value) ? PartnerIndexStamp.Parse(value) : null;

    private void CommitAndRefresh()
    {
        // Near-real-time refresh first (it applies the deletes), so the stamp counts exactly what the commit holds.
        _searchers.MaybeRefreshBlocking();
        var stamp = new PartnerIndexStamp(PartnerIndexStamp.CurrentLayout, Count, _lastUpdated, _sequence);
        _writer.SetCommitData(new Dictionary<string, string> { [StampKey] = stamp.ToString() });
        _writer.Commit();
        Stamp = stamp;
    }

    private Query? BuildQuery(ParsedQuery parsed)
    {
        var text = new BooleanQuery();
        var seen = new HashSet<(string, string)>();
        void Add(Query q, string field, string term, float boost)
        {
            if (seen.Add((field + q.GetType().Name, term)))
            {
                q.Boost = boost;
                text.Add(q, Occur.SHOULD);
            }
        }

        // The words a taxonomy term was recognised in ("têxteis técnicos") are searched as that term only — declared or
        // mentioned in any language — not as words too: as words, each language's found other organisations ("textiles"
        // is in most descriptions, "tecnici" in few), and the same concept gave 63 hits in Portuguese and 210 in English.
        // Words that are all stop words of one of the six languages ("the", "de", "ve") are no words to search: "the" was
        // still looked for in the languages where it is none (Portuguese descriptions) and found nothing.
        var nameTerms = parsed.FreeText.Length > 0 ? PartnerAnalyzers.Terms(_analyzer, NameField, parsed.FreeText) : [];
        if (nameTerms.Count > 0)
        {
            foreach (var language in PartnerAnalyzers.Languages)
            {
                var field = PartnerAnalyzers.DescriptionField(language);
                foreach (var term in PartnerAnalyzers.Terms(_analyzer, field, parsed.FreeText))
                {
                    Add(new TermQuery(new Term(field, term)), field, term, 1f);
                }
            }

            foreach (var term in nameTerms)
            {
                Add(new TermQuery(new Term(NameField, term)), NameField, term, 2f);
                Add(new TermQuery(new Term(TextField, term)), TextField, term, 0.5f);
                if (term.Length >= 5)
                {
                    Add(new FuzzyQuery(new Term(TextField, term), maxEdits: 1, prefixLength: 1), TextField, term, 0.2f);
                }
            }
        }

        foreach (var id in parsed.Concepts)
        {
            Add(new TermQuery(new Term(TaxonomyField, id)), TaxonomyField, id, 3f);
        }

        foreach (var country in parsed.Countries)
        {
            Add(new TermQuery(new Term(CountryField, country)), CountryField, country, 1.5f);
        }

        foreach (var region in parsed.Regions)
        {
            Add(new TermQuery(new Term(RegionKeyField, TextFolding.Fold(region))), RegionKeyField, region, 1.5f);
        }

        if (text.Clauses.Count > 0 && parsed.AsksForAFacility)
        {
            // "a finishing lab in Italy", "laboratório de ensaios": among the organisations the words find, facility
            // providers first. A preference, not a filter (an RTO's lab is a lab too) and no hit of its own: the words
            // must still match. The words fold alike in the six languages (lab, laborator-io/-ório/-oř, laboratuvar), so
            // the same request ranks the same in each.
            var preferring = new BooleanQuery { { text, Occur.MUST } };
            preferring.Add(new TermQuery(new Term(KindField, nameof(OrganisationKind.FacilityProvider))) { Boost = FacilityPreference }, Occur.SHOULD);
            return preferring;
        }

        return text.Clauses.Count > 0 ? text : parsed.Text.Length == 0 ? new MatchAllDocsQuery() : null;
    }

    /// <summary>How much a facility word in the request lifts facility providers: a tie-break among equally good matches, less than a matched word or place.</summary>
    private const float FacilityPreference = 0.3f;

    private static List<Term> FilterTerms(PartnerSearchQuery query)
    {
        var terms = new List<Term>();
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            terms.Add(new Term(CountryField, query.Country.Trim().ToUpperInvariant()));
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var region = PartnerGeography.FindRegion(query.Region)?.Name ?? query.Region;
            terms.Add(new Term(RegionKeyField, TextFolding.Fold(region.Trim())));
        }

        if (query.Kind is { } kind)
        {
            terms.Add(new Term(KindField, kind.ToString()));
        }

        if (!string.IsNullOrWhiteSpace(query.Capability))
        {
            terms.Add(new Term(DeclaredField, query.Capability.Trim().ToLowerInvariant()));
        }

        if (query.Stage is { } stage)
        {
            terms.Add(new Term(DeclaredField, TextileTaxonomy.IdOf(stage)));
        }

        if (query.Service is { } service)
        {
            terms.Add(new Term(DeclaredField, TextileTaxonomy.IdOf(service)));
        }

        return terms;
    }

    /// <summary>Every one of <paramref name="terms"/> and none of <paramref name="excluded"/> ("not in Italy", "not in Tuscany").</summary>
    private static BooleanQuery AllOf(IReadOnlyCollection<Term> terms, IReadOnlyCollection<Term> excluded)
    {
        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            all.Add(new TermQuery(term), Occur.MUST);
        }

        if (terms.Count == 0)
        {
            all.Add(new MatchAllDocsQuery(), Occur.MUST);   // a query of MUST_NOT clauses alone matches nothing
        }

        foreach (var term in excluded)
        {
            all.Add(new TermQuery(term), Occur.MUST_NOT);
        }

        return all;
    }

    private static Document ToDocument(Organisation o)
    {
        var doc = new Document
        {
            new StringField(IdField, o.Id, Field.Store.YES),
            new SortedDocValuesField(IdValues, new BytesRef(o.Id)),
            new SortedDocValuesField(NameValues, new BytesRef(o.Name)),
            new SortedDocValuesField(CountryValues, new BytesRef(o.Country.ToUpperInvariant())),
            new SortedDocValuesField(RegionValues, new BytesRef(o.Region)),
            new TextField(NameField, o.Name, Field.Store.YES),
            new TextField(TextField, string.Join(' ', o.Name, o.City, o.Region, o.Description), Field.Store.NO),
            new StoredField(DescriptionStored, o.Description),
            new StringField(KindField, o.Kind.ToString(), Field.Store.YES),
            new StringField(CountryField, o.Country.ToUpperInvariant(), Field.Store.YES),
            new StringField(RegionField, o.Region, Field.Store.YES),
            new StringField(RegionKeyField, TextFolding.Fold(o.Region), Field.Store.NO),
            new StoredField(CityField, o.City),
        };

        var language = o.DescriptionLanguage.Trim().ToLowerInvariant();
        if (PartnerAnalyzers.Languages.Contains(language))
        {
            doc.Add(new TextField(PartnerAnalyzers.DescriptionField(language), o.Description, Field.Store.NO));
        }

        var declared = TextileTaxonomy.IdsOf(o).ToHashSet(StringComparer.Ordinal);
        foreach (var id in declared)
        {
            doc.Add(new StringField(DeclaredField, id, Field.Store.NO));
        }

        // The taxonomy field also holds the terms the name and description mention, so an organisation that
        // describes "tessuto non tessuto" without declaring the capability is still found by "nonwovens".
        var mentioned = TaxonomyVocabulary.Find(o.Name + " " + o.Description, allowTypos: false, includeNested: true).Select(m => m.Key);
        foreach (var id in declared.Union(mentioned))
        {
            doc.Add(new StringField(TaxonomyField, id, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(TaxonomyValues, new BytesRef(id)));
        }

        return doc;
    }

    /// <summary>The query text with what the vocabularies recognised in it.</summary>
    private sealed record ParsedQuery(string Text, string[] Tokens, IReadOnlyList<string> Concepts, IReadOnlyList<string> Countries,
        IReadOnlyList<string> Regions, HashSet<int> RecognisedTokens, string FreeText)
    {
        public int Requested => Concepts.Count + (Countries.Count + Regions.Count > 0 ? 1 : 0);

        /// <summary>Whether the request names a lab or a facility ("lab", "laboratório", "laboratuvar", "laboratoř", "facility").</summary>
        public bool AsksForAFacility => Tokens.Any(t => t is "lab" or "labs" or "facility" or "facilities" || t.StartsWith("laborat", StringComparison.Ordinal));

        public static ParsedQuery Parse(string text)
        {
            var tokens = TextFolding.Tokens(text);
            var concepts = TaxonomyVocabulary.Find(tokens, allowTypos: true);
            var countries = CountryVocabulary.Find(tokens, allowTypos: false);
            var regions = RegionVocabulary.Find(tokens, allowTypos: false);
            var recognised = new HashSet<int>();
            foreach (var m in concepts.Concat(countries).Concat(regions))
            {
                recognised.UnionWith(Enumerable.Range(m.Start, m.Length));
            }

            var conceptTokens = concepts.SelectMany(m => Enumerable.Range(m.Start, m.Length)).ToHashSet();
            return new ParsedQuery(text.Trim(), tokens,
                [.. concepts.Select(m => m.Key).Distinct()],
                [.. countries.Select(m => m.Key).Distinct()],
                [.. regions.Select(m => m.Key).Distinct()],
                recognised,
                WithoutTokens(text.Trim(), tokens.Length, conceptTokens));
        }

        /// <summary>
        /// <paramref name="text"/> as typed (its accents kept for the language analysers) without the words at
        /// <paramref name="left"/> (indexes of <see cref="TextFolding.Tokens"/>); the whole text when its words cannot be
        /// lined up with those tokens.
        /// </summary>
        private static string WithoutTokens(string text, int count, HashSet<int> left)
        {
            if (left.Count == 0)
            {
                return text;
            }

            var words = new List<string>();
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var isWordChar = i < text.Length && (char.IsLetterOrDigit(text[i])
                    || (start >= 0 && CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark));
                if (isWordChar && start < 0)
                {
                    start = i;
                }
                else if (!isWordChar && start >= 0)
                {
                    words.Add(text[start..i]);
                    start = -1;
                }
            }

            return words.Count != count ? text : string.Join(' ', words.Where((_, i) => !left.Contains(i)));
        }
    }

    private sealed record Candidate(int DocId, string Id, string Name, string Country, string Region, HashSet<string> Taxonomy, double Final)
    {
        public static Candidate From(int docId, CandidateValues values, double relevance, ParsedQuery parsed)
        {
            var (id, name, country, region, taxonomy) = values.Read(docId);
            var final = relevance;
            if (parsed.Requested > 0)
            {
                var matched = parsed.Concepts.Count(taxonomy.Contains);
                if (parsed.Countries.Contains(country) || parsed.Regions.Contains(region))
                {
                    matched++;
                }

                final = (RelevanceWeight * relevance) + ((1 - RelevanceWeight) * matched / parsed.Requested);
            }

            return new Candidate(docId, id, name, country, region, taxonomy, final);
        }

        public PartnerSearchHit ToHit(ParsedQuery parsed, PartnerSearchQuery query, Document stored)
        {
            var matchedTerms = parsed.Concepts.Where(Taxonomy.Contains).ToList();
            foreach (var filtered in new[]
                     {
                         query.Capability?.Trim().ToLowerInvariant(),
                         query.Stage is { } s ? TextileTaxonomy.IdOf(s) : null,
                         query.Service is { } v ? TextileTaxonomy.IdOf(v) : null,
                     })
            {
                if (filtered is not null && !matchedTerms.Contains(filtered))
                {
                    matchedTerms.Add(filtered);
                }
            }

            return new PartnerSearchHit(Id, Name, Enum.Parse<OrganisationKind>(stored.Get(KindField)), Country, Region, stored.Get(CityField),
                Math.Round(Final, 4), matchedTerms, [.. MatchedWords(parsed, stored.Get(DescriptionStored))]);
        }

        // Query words outside the recognised vocabulary that the name or description contains (or nearly: a typo).
        private IEnumerable<string> MatchedWords(ParsedQuery parsed, string description)
        {
            var words = TextFolding.Tokens(Name + " " + description);
            var found = new List<string>();
            for (var i = 0; i < parsed.Tokens.Length && found.Count < 3; i++)
            {
                var token = parsed.Tokens[i];
                if (parsed.RecognisedTokens.Contains(i) || token.Length < 4 || PartnerAnalyzers.StopWords.Contains(token))
                {
                    continue;
                }

                var word = words.FirstOrDefault(w => TextFolding.SameWord(token, w, allowTypo: true));
                if (word is not null && !found.Contains(word))
                {
                    found.Add(word);
                }
            }

            return found;
        }
    }

    /// <summary>Reads the DocValues columns of candidates, segment by segment (one reader per segment and search).</summary>
    private sealed class CandidateValues(IndexReader reader)
    {
        private readonly IList<AtomicReaderContext> _leaves = reader.Leaves;
        private readonly Dictionary<int, (SortedDocValues Id, SortedDocValues Name, SortedDocValues Country, SortedDocValues Region, SortedSetDocValues Taxonomy)> _segments = [];
        private readonly BytesRef _scratch = new();

        public (string Id, string Name, string Country, string Region, HashSet<string> Taxonomy) Read(int docId)
        {
            var leaf = ReaderUtil.SubIndex(docId, _leaves);
            var context = _leaves[leaf];
            if (!_segments.TryGetValue(leaf, out var columns))
            {
                var atomic = context.AtomicReader;
                _segments[leaf] = columns = (atomic.GetSortedDocValues(IdValues), atomic.GetSortedDocValues(NameValues),
                    atomic.GetSortedDocValues(CountryValues), atomic.GetSortedDocValues(RegionValues), atomic.GetSortedSetDocValues(TaxonomyValues));
            }

            var local = docId - context.DocBase;
            var taxonomy = new HashSet<string>(StringComparer.Ordinal);
            if (columns.Taxonomy is { } set)
            {
                set.SetDocument(local);
                for (var ord = set.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = set.NextOrd())
                {
                    set.LookupOrd(ord, _scratch);
                    taxonomy.Add(_scratch.Utf8ToString());
                }
            }

            return (Get(columns.Id, local), Get(columns.Name, local), Get(columns.Country, local), Get(columns.Region, local), taxonomy);
        }

        private string Get(SortedDocValues values, int local)
        {
            values.Get(local, _scratch);
            return _scratch.Utf8ToString();
        }
    }
}
