/**
 * The production storage port over a real @cloudbase/node-sdk app, its two
 * storage calls stubbed: what `runtime.storage` asks the SDK and how the
 * answers come back (issue 10, item 2).
 */
import * as tcb from '@cloudbase/node-sdk';
import { createCloudbaseRuntime } from '../../src/server/cloudbase/runtime';
import { fileStorageOf } from '../../src/server/services/storage/port';

beforeAll(() => {
  process.env.TENCENTCLOUD = 'true';
});

function appWithStorage() {
  const app = tcb.init({ env: 'siyu-test' });
  const uploadFile = jest.spyOn(app, 'uploadFile').mockImplementation(async ({ cloudPath }) => ({ fileID: `cloud://siyu-test.7369-siyu-test-1250000000/${cloudPath}`, requestId: 'r' }));
  const getTempFileURL = jest.spyOn(app, 'getTempFileURL').mockImplementation(async ({ fileList }) => ({
    requestId: 'r',
    fileList: fileList.map((item) => {
      const fileID = typeof item === 'string' ? item : item.fileID;
      return fileID.endsWith('missing.csv')
        ? { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' }
        : { code: 'SUCCESS', fileID, tempFileURL: `https://7369-siyu-test.tcb.qcloud.la/${fileID.split('/').slice(3).join('/')}?sign=x` };
    }),
  }));
  return { app, uploadFile, getTempFileURL };
}

describe('cloudbase runtime: storage', () => {
  it('putFile uploads the bytes to the cloud path and answers the SDK fileID', async () => {
    const { app, uploadFile } = appWithStorage();
    const storage = fileStorageOf(createCloudbaseRuntime(app));
    const bytes = Buffer.from('单号,金额\n1,100\n');
    const { fileID } = await storage.putFile('exports/orders.csv', bytes, 'text/csv');
    expect(uploadFile).toHaveBeenCalledWith({ cloudPath: 'exports/orders.csv', fileContent: bytes });
    expect(fileID).toBe('cloud://siyu-test.7369-siyu-test-1250000000/exports/orders.csv');
  });

  it('tempUrl asks getTempFileURL for the one fileID; a file CloudBase cannot find is FILE_NOT_FOUND', async () => {
    const { app, getTempFileURL } = appWithStorage();
    const storage = fileStorageOf(createCloudbaseRuntime(app));
    const fileID = 'cloud://siyu-test.7369-siyu-test-1250000000/exports/orders.csv';
    await expect(storage.tempUrl(fileID)).resolves.toBe('https://7369-siyu-test.tcb.qcloud.la/exports/orders.csv?sign=x');
    expect(getTempFileURL).toHaveBeenCalledWith({ fileList: [{ fileID, maxAge: expect.any(Number) }] });
    await expect(storage.tempUrl('cloud://siyu-test.7369-siyu-test-1250000000/exports/missing.csv')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
