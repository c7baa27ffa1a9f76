namespace Sdc.Mission;
