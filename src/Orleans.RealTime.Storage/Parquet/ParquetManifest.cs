using System.Text.Json;

namespace Orleans.RealTime.Storage;

/// <summary>
/// The cold tier's snapshot: which files make up each day. A new snapshot is written to a temporary file, flushed to
/// disk and renamed over <c>manifest.json</c> (an atomic replace on POSIX file systems), so a reader sees either the
/// old or the new set of days, never half a day. Files not listed are not part of the tier.
/// </summary>
/// <param name="Version">Increases by one with every commit.</param>
/// <param name="Days">The files of each day, keyed by ISO date (yyyy-MM-dd).</param>
public sealed record ParquetManifest(long Version, IReadOnlyDictionary<string, ParquetDayFiles> Days)
{
    /// <summary>The file name of the committed manifest in the store root.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>An empty tier.</summary>
    public static ParquetManifest Empty { get; } = new(0, new Dictionary<string, ParquetDayFiles>());

    /// <summary>The manifest key of <paramref name="day"/>.</summary>
    public static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The files of <paramref name="day"/>, or null when the day is not held.</summary>
    public ParquetDayFiles? Find(DateOnly day) => Days.GetValueOrDefault(Key(day));

    /// <summary>The next snapshot, with <paramref name="day"/> replaced (or removed when <paramref name="files"/> is null).</summary>
    public ParquetManifest With(DateOnly day, ParquetDayFiles? files)
    {
        var days = new SortedDictionary<string, ParquetDayFiles>(Days.ToDictionary(), StringComparer.Ordinal);
        if (files is null)
        {
            days.Remove(Key(day));
        }
        else
        {
            days[Key(day)] = files;
        }

        return new ParquetManifest(Version + 1, days);
    }

    /// <summary>Loads the committed manifest of <paramref name="root"/> (empty when none was ever committed).</summary>
    public static async Task<ParquetManifest> LoadAsync(string root, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ParquetManifest>(stream, Json, cancellationToken)
            ?? throw new InvalidDataException($"The manifest '{path}' is empty.");
    }

    /// <summary>Writes this snapshot beside the committed one and atomically renames it into place.</summary>
    public async Task CommitAsync(string root, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, FileName);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
