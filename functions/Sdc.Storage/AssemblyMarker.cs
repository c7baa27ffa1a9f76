namespace Sdc.Storage;
