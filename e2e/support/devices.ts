import type { BrowserContext, Page } from 'playwright-core';

/**
 * The join page's camera and microphone check, driven as a person would, and a record of every
 * getUserMedia call so a test can see which device the stage asked for in each room.
 */

/** Records the constraints of every getUserMedia call in the context's pages. */
export async function recordCapture(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { __captureCalls: unknown[] }).__captureCalls = calls;
    const devices = navigator.mediaDevices;
    if (!devices) return;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints?: MediaStreamConstraints) => {
      calls.push(JSON.parse(JSON.stringify(constraints ?? {})));
      return original(constraints);
    };
  });
}

export interface CaptureCall {
  audio?: boolean | { deviceId?: unknown };
  video?: boolean | { deviceId?: unknown };
}

export function captureCalls(page: Page): Promise<CaptureCall[]> {
  return page.evaluate(
    () => (window as unknown as { __captureCalls?: CaptureCall[] }).__captureCalls ?? [],
  );
}

/** The microphone a getUserMedia call asked for, however LiveKit wrapped the id. */
export function askedMicrophone(call: CaptureCall): string | null {
  return askedDevice(call.audio);
}

/** The camera a getUserMedia call asked for. */
export function askedCamera(call: CaptureCall): string | null {
  return askedDevice(call.video);
}

function askedDevice(constraint: CaptureCall['audio']): string | null {
  if (typeof constraint !== 'object' || constraint === null) return null;
  const id = constraint.deviceId;
  if (typeof id === 'string') return id;
  if (typeof id === 'object' && id !== null) {
    const wrapped = id as { exact?: unknown; ideal?: unknown };
    const value = wrapped.exact ?? wrapped.ideal;
    return typeof value === 'string' ? value : null;
  }
  return null;
}

/** Whether the device check's camera preview plays: frames, advancing time, a visible size. */
export function previewPlays(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('.device-preview video');
    if (!video) return false;
    const box = video.getBoundingClientRect();
    return (
      !video.paused &&
      video.readyState >= 2 &&
      video.videoWidth > 0 &&
      video.currentTime > 0 &&
      box.width > 0 &&
      box.height > 0
    );
  });
}

/** The microphone chosen in the device check, as the browser's device id. */
export function chosenMicrophone(page: Page): Promise<string> {
  return page.getByRole('combobox', { name: 'Mikrofon' }).inputValue();
}
