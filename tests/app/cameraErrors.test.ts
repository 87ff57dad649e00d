import { describe, expect, it } from 'vitest';
import { cameraError, describeCameraError } from '../../src/app/camera/cameraErrors';

const named = (name: string) => Object.assign(new Error('x'), { name });

describe('camera error messages', () => {
  it('tells the user what to do for each failure', () => {
    expect(describeCameraError(named('NotAllowedError'))).toMatch(/^Camera permission was denied/);
    expect(describeCameraError(named('NotFoundError'))).toMatch(/^No camera was found/);
    expect(describeCameraError(named('NotReadableError'))).toMatch(/another application may be using it/);
    expect(describeCameraError(cameraError('TrackEnded'))).toMatch(/unplugged/);
    expect(describeCameraError(cameraError('NoMediaDevices'))).toMatch(/secure page/);
    expect(describeCameraError(new Error('boom'))).toBe('The camera failed: boom');
  });
});
