using System.Net;
using System.Net.Sockets;

namespace KenJeKlant.Tests.Infrastructure;

/// <summary>
/// Ports for test servers. Asking the kernel for port 0 and binding it later raced: the kernel hands the
/// same ephemeral range to outgoing connections (every PostgreSQL connection of a parallel test), so the
/// port could be taken in between ("address already in use"). These come from below that range
/// (/proc/sys/net/ipv4/ip_local_port_range starts at 32768), never twice in one test run, and are
/// checked to be free; only another program listening there can still take one.
/// </summary>
public static class VrijePoorten
{
    private const int Eerste = 20_000;
    private const int Laatste = 32_000;
    private static int _volgende = Eerste + (Environment.ProcessId % 200) * 50;

    public static int Volgende()
    {
        for (var poging = 0; poging < Laatste - Eerste; poging++)
        {
            var poort = Eerste + (Interlocked.Increment(ref _volgende) - Eerste) % (Laatste - Eerste);
            if (IsVrij(poort)) return poort;
        }
        throw new InvalidOperationException($"Geen vrije poort tussen {Eerste} en {Laatste}.");
    }

    private static bool IsVrij(int poort)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, poort);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
