using KenJeKlant.Host;
using KenJeKlant.Host.Api;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Dashboards;
using KenJeKlant.Host.Handhaving;
using KenJeKlant.Host.Herbeoordelingen;
using KenJeKlant.Host.Import;
using KenJeKlant.Host.Orleans;
using KenJeKlant.Host.Realtime;
using KenJeKlant.Host.Storage;
using KenJeKlant.Host.Telemetrie;

if (await Commandos.VoerUitAsync(args)) return;

var builder = WebApplication.CreateBuilder(args);
builder.AddKenJeKlantStorage();   // first: migrates the schema before the silo starts
builder.AddKenJeKlantBeveiliging();
builder.AddKenJeKlantOrleans();
builder.AddKenJeKlantImport();
builder.AddKenJeKlantHerbeoordelingen();
builder.AddKenJeKlantCampagnes();
builder.AddKenJeKlantHandhaving();
builder.AddKenJeKlantApi();
builder.AddKenJeKlantRealtime();
builder.AddKenJeKlantTelemetrie();
builder.AddKenJeKlantDashboards();

var app = builder.Build();
app.UseKenJeKlantDashboards();   // first: static pages need no login (the login page itself is one)
app.MapKenJeKlantApi();
app.MapKenJeKlantHubs();
app.MapKenJeKlantTelemetrie();
app.VolgHerbeoordelingBeleid();
app.Run();

/// <summary>Entry point type, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
