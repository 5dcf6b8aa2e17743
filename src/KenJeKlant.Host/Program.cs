using KenJeKlant.Host;
using KenJeKlant.Host.Agenda;
using KenJeKlant.Host.Audit;
using KenJeKlant.Host.Bestand;
using KenJeKlant.Host.Bewaartermijnen;
using KenJeKlant.Host.Beveiliging;
using KenJeKlant.Host.Campagnes;
using KenJeKlant.Host.Dashboards;
using KenJeKlant.Host.Doelen;
using KenJeKlant.Host.Gemeenten;
using KenJeKlant.Host.Gesprekken;
using KenJeKlant.Host.Handhaving;
using KenJeKlant.Host.Health;
using KenJeKlant.Host.Herbeoordelingen;
using KenJeKlant.Host.Inzage;
using KenJeKlant.Host.Infrastructuur;
using KenJeKlant.Host.Infrastructuur.Http;
using KenJeKlant.Host.Infrastructuur.Postgres;
using KenJeKlant.Host.Klanten;
using KenJeKlant.Host.Klantmanagers;
using KenJeKlant.Host.Peildata;
using KenJeKlant.Host.PlanVanAanpak;
using KenJeKlant.Host.Rapportages;
using KenJeKlant.Host.Rechtmatigheid;
using KenJeKlant.Host.Telemetrie;
using KenJeKlant.Host.Uitnodigingen;
using KenJeKlant.Host.Werklijsten;

if (await Commandos.VoerUitAsync(args)) return;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfrastructuur();
builder.AddBeveiliging();
builder.AddAudit();
builder.AddGemeenten();
builder.AddKlanten();
builder.AddKlantmanagers();
builder.AddWerklijsten();
builder.AddAgenda();
builder.AddHerbeoordelingen();
builder.AddGesprekken();
builder.AddPlanVanAanpak();
builder.AddCampagnes();
builder.AddHandhaving();
builder.AddRechtmatigheid();
builder.AddBestand();
builder.AddPeildata();
builder.AddRapportages();
builder.AddDoelen();
builder.AddInzage();
builder.AddBewaartermijnen();
builder.AddHealth();
builder.AddTelemetrie();
builder.AddDashboards();

var app = builder.Build();
await app.MigreerAsync();   // before the silo starts: Orleans reads its queries from the schema
app.UseDashboards();        // static pages need no login (the login page itself is one)
app.UseAudit();             // outermost: the entry records the status the caller finally got
app.UseHttp();
app.UseBeveiliging();
app.MapHttp();
app.MapBeveiliging();
app.MapAudit();
app.MapGemeenten();
app.MapKlanten();
app.MapKlantmanagers();
app.MapWerklijsten();
app.MapAgenda();
app.MapHerbeoordelingen();
app.MapGesprekken();
app.MapPlanVanAanpak();
app.MapCampagnes();
app.MapUitnodigingen();
app.MapHandhaving();
app.MapRechtmatigheid();
app.MapBestand();
app.MapPeildata();
app.MapRapportages();
app.MapDoelen();
app.MapInzage();
app.MapBewaartermijnen();
app.MapHealth();
app.MapTelemetrie();
app.Run();

/// <summary>Entry point type, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
