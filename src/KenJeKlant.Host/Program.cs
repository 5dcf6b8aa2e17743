// Placeholder entry point so that KenJeKlant.Host (an executable) builds on the storage branch.
// The real Program.cs comes from the host work; when merging, keep that one and drop this file.
var app = WebApplication.CreateBuilder(args).Build();
app.Run();
