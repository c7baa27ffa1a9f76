// The API's JSON shapes (functions/Sdc.Api/README.md). Fields may be added, never renamed.

export interface Product {
  id: number;
  name: string;
  key: string;
  kind: string;
  instrument: string | null;
  level: string | null;
  descriptor: string | null;
  startTime: string | null;
  endTime: string | null;
  orbit: number | null;
  version: string;
  isLatest: boolean;
  sizeBytes: number;
  md5: string;
  sha256: string;
  ingestedAt: string;
  release: number | null;
}

export interface ProductPage {
  products: Product[];
  nextCursor: string | null;
}

export interface Link {
  id: number;
  name: string;
  role: string | null;
}

export interface Version {
  id: number;
  version: string;
  isLatest: boolean;
  release: number | null;
}

export interface Job {
  id: number;
  runId: number;
  instrument: string | null;
  level: string | null;
  stage: number;
  queue: string;
  status: string;
  statusReason: string | null;
  exitCode: number | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  hasLog: boolean;
}

export interface ProductDetail {
  product: Product;
  lineage: { inputs: Link[]; derived: Link[] };
  versions: Version[];
  job: Job | null;
}

export interface HeaderCard {
  keyword: string;
  value: string | number | boolean | null;
  comment: string | null;
}

export interface Run {
  id: number;
  executionName: string;
  kind: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  summary: string | null;
}

export interface JobMessage {
  code: string;
  severity: string;
  text: string;
  at: string;
}

export interface Release {
  number: number;
  name: string;
  cutoff: string;
  notes: string | null;
  createdAt: string;
  fileCount: number;
  manifest: string | null;
}

export interface ReleaseFile {
  id: number;
  name: string;
  key: string;
  sizeBytes: number;
  md5: string;
  sha256: string;
}

export interface DownloadLink {
  id: number;
  name: string;
  sizeBytes: number;
  md5: string;
  sha256: string;
  url: string;
  expiresAt: string;
}

export interface CoverageAnswer {
  days: { instrument: string; day: string; files: number; highestLevel: string }[];
}
