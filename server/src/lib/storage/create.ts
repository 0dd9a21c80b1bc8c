import type { StorageConfig } from '../../config.js';
import type { FileStorage } from './file-storage.js';
import { createLocalDiskStorage } from './local-disk.js';
import { createS3Storage } from './s3.js';

/** The storage the configuration chose (`STORAGE_DRIVER`): built once, in the container. */
export const createFileStorage = (config: { storage: StorageConfig }): FileStorage => {
  const s = config.storage;
  if (s.driver === 's3') return createS3Storage(s);
  return createLocalDiskStorage({ root: s.dir });
};
