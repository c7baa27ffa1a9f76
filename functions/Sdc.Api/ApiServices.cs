using Sdc.Catalog;
using Sdc.Storage;

namespace Sdc.Api;

/// <summary>What the endpoints work with: the catalog, the object store, the mission, the clock, and this deployment's options.</summary>
public sealed record ApiServices(Mission.Mission Mission, ICatalog Catalog, IObjectStore Store, TimeProvider Clock, ApiOptions Options);
