'use client';

import { useEffect, useRef, useState } from 'react';

/** How the player is playing: hls.js over Media Source Extensions, the browser's own HLS (Safari), or not at all. */
type Engine = 'starting' | 'hls.js' | 'native' | 'unsupported' | 'failed';

type Props = {
  /** The join page's short-lived signed redirect; the stream's own address never reaches the page. */
  src: string;
  labels: { player: string; unsupported: string; failed: string };
};

/**
 * Plays an HLS stream in the page. hls.js follows the redirect once and keeps the playlist's final
 * address for its reloads, so the two-minute link only has to work when the player starts. Where
 * Media Source Extensions are missing but the browser plays HLS itself (Safari on iPhone), the video
 * element gets the link directly. Its state is on the wrapper for people (a message) and for tests.
 */
export function StreamPlayer({ src, labels }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [engine, setEngine] = useState<Engine>('starting');
  const [manifest, setManifest] = useState(false);
  const [fragments, setFragments] = useState(0);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    let stopped = false;
    let destroy = () => {};
    setManifest(false);
    setFragments(0);
    import('hls.js')
      .then(({ default: Hls }) => {
        if (stopped) return;
        if (Hls.isSupported()) {
          const hls = new Hls({ enableWorker: false });
          destroy = () => hls.destroy();
          hls.on(Hls.Events.MANIFEST_PARSED, () => {
            setManifest(true);
            element.play().catch(() => {});
          });
          hls.on(Hls.Events.FRAG_LOADED, () => setFragments((n) => n + 1));
          hls.on(Hls.Events.ERROR, (_event, data) => {
            if (data.fatal) setEngine('failed');
          });
          hls.loadSource(src);
          hls.attachMedia(element);
          setEngine('hls.js');
        } else if (element.canPlayType('application/vnd.apple.mpegurl')) {
          element.src = src;
          setEngine('native');
        } else setEngine('unsupported');
      })
      .catch(() => setEngine('failed'));
    return () => {
      stopped = true;
      destroy();
    };
  }, [src]);

  return (
    <div className="player" data-testid="player" data-engine={engine} data-manifest={manifest} data-fragments={fragments}>
      {/* Muted so browsers let it start by itself; the controls unmute. */}
      <video ref={video} controls muted autoPlay playsInline aria-label={labels.player} style={{ width: '100%', background: '#000' }} />
      {(engine === 'unsupported' || engine === 'failed') && (
        <p className="notice bad" role="alert">
          {engine === 'unsupported' ? labels.unsupported : labels.failed}
        </p>
      )}
    </div>
  );
}
