import {
  AudioFrame,
  AudioSource,
  LocalAudioTrack,
  TrackPublishOptions,
  TrackSource,
  type Room,
} from '@livekit/rtc-node';

/**
 * Publishes a microphone track fed with a 440 Hz tone until stop(): the headless speaker of
 * `plenum rehearse` and of the media tests. @livekit/rtc-node is a development package, so only
 * those (and rehearse's lazily loaded media module) import this.
 */
export async function publishTone(room: Room) {
  const source = new AudioSource(48_000, 1);
  const track = LocalAudioTrack.createAudioTrack('microphone', source);
  const options = new TrackPublishOptions();
  options.source = TrackSource.SOURCE_MICROPHONE;
  const publication = await room.localParticipant!.publishTrack(track, options);
  let running = true;
  let phase = 0;
  void (async () => {
    while (running) {
      const samples = new Int16Array(480);
      for (let i = 0; i < samples.length; i++)
        samples[i] = Math.round(8000 * Math.sin((phase++ * 2 * Math.PI * 440) / 48_000));
      await source
        .captureFrame(new AudioFrame(samples, 48_000, 1, 480))
        .catch(() => (running = false));
    }
  })();
  return { publication, stop: async () => ((running = false), await source.close()) };
}
