using System.Runtime.InteropServices;

namespace Orleans.RealTime.Storage;

/// <summary>
/// Lowers the scheduling priority of the calling thread on Linux, where each thread has its own nice value (threads it
/// starts afterwards inherit it). An unprivileged process may raise its nice value but not lower it again.
/// </summary>
internal static partial class ThreadNiceness
{
    private const int PrioProcess = 0;

    /// <summary>Sets the calling thread's nice value to <paramref name="nice"/>; says whether it did (false off Linux or when refused).</summary>
    public static bool Lower(int nice) => OperatingSystem.IsLinux() && SetPriority(PrioProcess, GetThreadId(), nice) == 0;

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
