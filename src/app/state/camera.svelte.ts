import { cameraError, describeCameraError } from '../camera/cameraErrors';

export type CameraStatus = 'off' | 'starting' | 'on' | 'error';

/** Camera device list, the open stream, and its failures as user messages. */
export class CameraState {
  devices = $state.raw<MediaDeviceInfo[]>([]);
  deviceId = $state('');
  status = $state<CameraStatus>('off');
  error = $state<string | null>(null);
  stream = $state.raw<MediaStream | null>(null);

  async refreshDevices(): Promise<void> {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    const all = await navigator.mediaDevices.enumerateDevices();
    this.devices = all.filter((d) => d.kind === 'videoinput');
    if (!this.devices.some((d) => d.deviceId === this.deviceId)) this.deviceId = this.devices[0]?.deviceId ?? '';
  }

  async start(): Promise<void> {
    this.stop();
    this.status = 'starting';
    this.error = null;
    try {
      if (!navigator.mediaDevices?.getUserMedia) throw cameraError('NoMediaDevices');
      const video: MediaTrackConstraints = this.deviceId ? { deviceId: { exact: this.deviceId } } : { facingMode: 'user' };
      const stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
      for (const track of stream.getVideoTracks()) track.addEventListener('ended', () => this.#onEnded(stream));
      this.stream = stream;
      this.status = 'on';
      // Labels only become visible after permission is granted.
      await this.refreshDevices();
    } catch (e) {
      this.status = 'error';
      this.error = describeCameraError(e);
    }
  }

  stop(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.status !== 'error') this.status = 'off';
  }

  #onEnded(stream: MediaStream): void {
    if (this.stream !== stream) return;
    this.stream = null;
    this.status = 'error';
    this.error = describeCameraError(cameraError('TrackEnded'));
  }
}
