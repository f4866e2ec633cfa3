namespace Orleans.RealTime.Storage.Tests;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rt-storage-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
