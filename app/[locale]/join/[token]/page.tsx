import { getLocale, getTranslations } from 'next-intl/server';
import { SessionTime } from '@/components/agenda/session-time';
import { ViewerTime, ViewerZoneSwitch } from '@/components/agenda/viewer-time';
import { viewerZoneSchema } from '@/lib/agenda/query';
import { Countdown } from '@/components/livestream/countdown';
import { StreamPlayer } from '@/components/livestream/stream-player';
import { getDb } from '@/lib/database/process-database';
import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { joinView } from '@/lib/livestream/join-view';
import { formatTimeWithZone } from '@/lib/format/datetime';
import type { PageProps } from '@/lib/edge/page';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Join online', robots: { index: false, follow: false }, referrer: 'no-referrer' as const };

export default async function JoinPage(props: PageProps<{ token: string }>) {
  const [{ token }, t, locale] = await Promise.all([props.params, getTranslations('join'), getLocale() as Promise<Locale>]);
  const search = await props.searchParams;
  const tz = viewerZoneSchema.parse(search.tz);
  const view = await joinView(await getDb(), token, new Date(), search.channel);
  if (view.state === 'invalid')
    return (
      <p className="notice bad" role="alert">
        {t('invalid')}
      </p>
    );
  if (view.state === 'refused')
    return (
      <p className="notice bad" role="alert" data-testid="join-refused">
        {t(`notEntitled.${view.reason}`)}
      </p>
    );
  const { session, event, origin } = view.entitlement;
  const zone = origin.timeZone;
  const languageNames = new Intl.DisplayNames([intlLocale(locale)], { type: 'language' });
  const channelName = (channel: string) =>
    channel === 'floor' ? t('channels.floor') : t('channels.interpretation', { language: languageNames.of(channel) ?? channel });
  const channelHref = (channel: string) => `?${new URLSearchParams({ ...(search.tz ? { tz: String(search.tz) } : {}), channel })}`;
  return (
    <div style={{ maxWidth: 640 }}>
      <p className="muted">{pick(event.name, locale)}</p>
      <h1>{pick(session.title, locale)}</h1>
      <p>
        <SessionTime
          start={session.startsAt}
          end={session.endsAt}
          zone={zone}
          place={pick(origin.city, locale)}
          locale={locale}
          headingDay={null}
        />
      </p>
      <ViewerTime start={session.startsAt} end={session.endsAt} zone={zone} viewerZone={tz} locale={locale} headingDay={null} />
      <p>
        <ViewerZoneSwitch current={tz} />
      </p>
      <section className="card" data-testid="join-state" data-state={view.state}>
        {view.state === 'before' && (
          <>
            <p>{t('opensAt', { time: formatTimeWithZone(view.opensAt, zone, pick(origin.city, locale)) })}</p>
            <p className="muted">{t('opensIn')}</p>
            <Countdown
              until={view.opensAt.toISOString()}
              labels={{ days: t('units.days'), hours: t('units.hours'), minutes: t('units.minutes'), seconds: t('units.seconds') }}
            />
          </>
        )}
        {view.state === 'live' && view.selected && (
          <>
            <p>{t('live')}</p>
            {view.channels.length > 1 && (
              <nav aria-label={t('channels.title')} data-testid="channels">
                <p className="muted">{t('channels.title')}</p>
                <ul className="channel-list">
                  {view.channels.map(({ channel }) => (
                    <li key={channel}>
                      <a
                        href={channelHref(channel)}
                        aria-current={channel === view.selected?.channel ? 'true' : undefined}
                        data-channel={channel}
                      >
                        {channelName(channel)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <p data-testid="channel" data-channel={view.selected.channel}>
              {t('channels.playing', { channel: channelName(view.selected.channel) })}
            </p>
            {view.selected.player === 'hls' && (
              <StreamPlayer
                key={view.selected.channel}
                src={view.selected.openPath}
                labels={{ player: t('player.label'), unsupported: t('player.unsupported'), failed: t('player.failed') }}
              />
            )}
            <p>
              <a className="button" href={view.selected.openPath} rel="noreferrer" target="_blank" data-testid="watch">
                {view.selected.player === 'hls' ? t('player.openElsewhere') : t('watch')}
              </a>
            </p>
            <p className="muted">{t('linkNote')}</p>
          </>
        )}
        {view.state === 'ended' && (
          <>
            <p>{t('ended')}</p>
            {view.openPath ? (
              <p>
                <a className="button" href={view.openPath} rel="noreferrer" target="_blank" data-testid="recording">
                  {t('recording')}
                </a>
              </p>
            ) : (
              <p className="muted">{t('noRecording')}</p>
            )}
          </>
        )}
      </section>
    </div>
  );
}
