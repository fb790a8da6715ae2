namespace Portal.Moderation.HotIssues;

/// <summary>An opinion as the grouping sees it.</summary>
public sealed record GroupingDocument(int OpinionId, string Title, string Body, string? Area, DateTime At);

/// <summary>An open group the new opinions may join: its (recent) members give its centre.</summary>
public sealed record GroupSeed(int GroupId, IReadOnlyList<GroupingDocument> Members);

/// <summary>Where one new opinion goes: an existing group, or the new cluster numbered <see cref="NewCluster"/>.</summary>
public sealed record GroupingPlacement(int OpinionId, int? GroupId, int? NewCluster, double Score);

/// <param name="Placements">One per new document, in time order.</param>
/// <param name="Titles">The representative title of every group that changed (key: group id) ...</param>
/// <param name="NewTitles">... and of every new cluster (key: cluster number).</param>
public sealed record GroupingPlan(IReadOnlyList<GroupingPlacement> Placements, IReadOnlyDictionary<int, string> Titles, IReadOnlyDictionary<int, string> NewTitles);

/// <summary>
/// Single-pass centroid clustering (see ADR-008). Documents are taken in time order; each joins the cluster
/// whose centre is most similar — cosine of TF-IDF character 1–2-gram vectors, plus <c>SameAreaBonus</c> when
/// the area is one of the cluster's, minus <c>OtherAreaPenalty</c> when both are known and differ — provided the score
/// reaches <c>SimilarityThreshold</c> and the cluster's latest opinion is at most <c>WindowDays</c> old;
/// otherwise it starts a cluster. The same pass serves a new opinion (incremental) and a rebuild of a window.
/// </summary>
public sealed class HotIssueClusterer(HotIssueOptions options)
{
    /// <summary>Candidate clusters are found through the document's heaviest features only.</summary>
    private const int ProbeFeatures = 12;

    public GroupingPlan Plan(IReadOnlyList<GroupSeed> seeds, IReadOnlyList<GroupingDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(documents);
        var texts = new TextVectors();
        foreach (var member in seeds.SelectMany(s => s.Members))
            texts.Add(member.Title, member.Body);
        var ordered = documents.OrderBy(d => d.At).ThenBy(d => d.OpinionId).ToList();
        foreach (var document in ordered)
            texts.Add(document.Title, document.Body);
        var vectors = texts.Build();

        var clusters = new List<Cluster>();
        var postings = new Dictionary<int, List<int>>();
        var next = 0;
        foreach (var seed in seeds)
        {
            var cluster = new Cluster(seed.GroupId, null);
            foreach (var member in seed.Members)
                Add(clusters, postings, cluster, member, vectors[next++]);
        }

        var placements = new List<GroupingPlacement>(ordered.Count);
        var window = TimeSpan.FromDays(options.WindowDays);
        var seen = new HashSet<int>();
        var newCount = 0;
        foreach (var document in ordered)
        {
            var vector = vectors[next++];
            var (best, score) = BestMatch(clusters, postings, document, vector, window, seen);
            if (best is null)
            {
                best = new Cluster(null, newCount++);
                score = 1;
            }

            Add(clusters, postings, best, document, vector);
            best.Changed = true;
            placements.Add(new GroupingPlacement(document.OpinionId, best.GroupId, best.NewCluster, Math.Round(score, 4)));
        }

        var changed = clusters.Where(c => c.Changed).ToList();
        return new GroupingPlan(
            placements,
            changed.Where(c => c.GroupId is not null).ToDictionary(c => c.GroupId!.Value, c => c.RepresentativeTitle()),
            changed.Where(c => c.NewCluster is not null).ToDictionary(c => c.NewCluster!.Value, c => c.RepresentativeTitle()));
    }

    private (Cluster? Best, double Score) BestMatch(
        List<Cluster> clusters, Dictionary<int, List<int>> postings, GroupingDocument document, SparseVector vector, TimeSpan window, HashSet<int> seen)
    {
        seen.Clear();
        Cluster? best = null;
        var bestScore = double.MinValue;
        foreach (var k in HeaviestFeatures(vector))
        {
            if (!postings.TryGetValue(vector.Ids[k], out var list))
                continue;
            // A cluster started long ago may still be active, so every posting is checked against the window.
            for (var p = list.Count - 1; p >= 0; p--)
            {
                var index = list[p];
                if (!seen.Add(index))
                    continue;
                var cluster = clusters[index];
                if (document.At - cluster.LastAt > window)
                    continue;
                var score = cluster.Cosine(vector) + AreaAdjustment(cluster, document.Area);
                if (score > bestScore)
                    (best, bestScore) = (cluster, score);
            }
        }

        return bestScore >= options.SimilarityThreshold ? (best, bestScore) : (null, 0);
    }

    private double AreaAdjustment(Cluster cluster, string? area)
    {
        if (area is null || cluster.Areas.Count == 0)
            return 0;
        return cluster.Areas.Contains(area) ? options.SameAreaBonus : -options.OtherAreaPenalty;
    }

    private static IEnumerable<int> HeaviestFeatures(SparseVector vector)
    {
        if (vector.Ids.Length <= ProbeFeatures)
            return Enumerable.Range(0, vector.Ids.Length);
        return Enumerable.Range(0, vector.Ids.Length).OrderByDescending(i => vector.Weights[i]).Take(ProbeFeatures);
    }

    private static void Add(List<Cluster> clusters, Dictionary<int, List<int>> postings, Cluster cluster, GroupingDocument document, SparseVector vector)
    {
        if (cluster.Index < 0)
        {
            cluster.Index = clusters.Count;
            clusters.Add(cluster);
        }

        foreach (var feature in cluster.Add(document, vector))
        {
            if (!postings.TryGetValue(feature, out var list))
                postings[feature] = list = [];
            list.Add(cluster.Index);
        }
    }

    /// <summary>A cluster's running sum of member vectors; its centre is the sum's direction.</summary>
    private sealed class Cluster(int? groupId, int? newCluster)
    {
        private readonly Dictionary<int, float> _sum = [];
        private readonly List<(string Title, SparseVector Vector)> _members = [];
        private double _norm2;

        public int? GroupId { get; } = groupId;

        public int? NewCluster { get; } = newCluster;

        public int Index { get; set; } = -1;

        public bool Changed { get; set; }

        public DateTime LastAt { get; private set; } = DateTime.MinValue;

        public HashSet<string> Areas { get; } = new(StringComparer.Ordinal);

        /// <summary>Adds a member; returns the features the cluster did not have before.</summary>
        public List<int> Add(GroupingDocument document, SparseVector vector)
        {
            var fresh = new List<int>();
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                var id = vector.Ids[i];
                if (!_sum.TryGetValue(id, out var old))
                    fresh.Add(id);
                var updated = old + vector.Weights[i];
                _sum[id] = updated;
                _norm2 += ((double)updated * updated) - ((double)old * old);
            }

            _members.Add((document.Title, vector));
            if (document.Area is not null)
                Areas.Add(document.Area);
            if (document.At > LastAt)
                LastAt = document.At;
            return fresh;
        }

        public double Cosine(SparseVector vector)
        {
            if (_norm2 <= 0)
                return 0;
            double dot = 0;
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                if (_sum.TryGetValue(vector.Ids[i], out var w))
                    dot += w * vector.Weights[i];
            }

            return dot / Math.Sqrt(_norm2);
        }

        /// <summary>The title of the member closest to the centre (the earliest on a tie).</summary>
        public string RepresentativeTitle()
        {
            var best = _members[0].Title;
            var bestScore = double.MinValue;
            foreach (var (title, vector) in _members)
            {
                var score = Cosine(vector);
                if (score > bestScore + 1e-9)
                    (best, bestScore) = (title, score);
            }

            return best;
        }
    }
}
