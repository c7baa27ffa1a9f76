namespace Sdc.Catalog;
