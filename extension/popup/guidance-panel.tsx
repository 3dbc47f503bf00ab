/**
 * "What you can do" for one service. Open, it leads with the two or three steps that fit this
 * block in this country (`chooseLead`), one line each with its link, and short safety notes that
 * stay in sight; everything else the chooser says is folded under "More ways": each suggested
 * tool with its official links (in the reader's language where that page exists) the first time
 * it comes up, and by name after that. Links open in a new tab. Native <details> elements keep it
 * folded until asked for, and need no script to open with the keyboard.
 */
import { chooseAdvice } from '../../src/guidance/choose';
import { chooseLead, type LeadStep } from '../../src/guidance/lead';
import { linksFor } from '../../src/guidance/links';
import { COST_MESSAGE, OPENNESS_MESSAGE, PLATFORM_NAMES, toolById } from '../../src/guidance/tools';
import type { AdviceStep, ToolId } from '../../src/guidance/types';
import type { ServiceSnapshot } from '../../src/snapshot/snapshot';
import { useI18n } from '../shared/ui/i18n';

function ToolCard(props: { readonly id: ToolId; readonly country: string | null }) {
  const { t, language, locale } = useI18n();
  const tool = toolById(props.id);
  const links = linksFor(tool, language, props.country);
  const facts = [
    tool.platforms.length > 0
      ? t('guidance_tool_platforms', new Intl.ListFormat(locale, { type: 'conjunction', style: 'short' }).format(tool.platforms.map((platform) => PLATFORM_NAMES[platform])))
      : '',
    t(COST_MESSAGE[tool.cost]),
    tool.openness ? t(OPENNESS_MESSAGE[tool.openness]) : '',
  ].filter((fact) => fact !== '');
  return (
    <li class="tool" data-tool={tool.id}>
      <strong lang="en">{tool.name}</strong>: {t(tool.aboutKey)}
      <span class="tool-facts muted small">{facts.join(' · ')}</span>
      <ul class="tool-links">
        {links.map((link) => (
          <li key={link.id}>
            <a href={link.url} target="_blank" rel="noopener noreferrer" hreflang={link.language.replace('_', '-')}>
              {t(link.labelKey)}
            </a>
            {!link.inUiLanguage && <span class="muted small"> {t('guidance_link_in_english')}</span>}
          </li>
        ))}
        {tool.contacts.map((contact) => (
          <li key={contact.id}>{t(contact.labelKey, contact.address)}</li>
        ))}
      </ul>
    </li>
  );
}

interface PlacedStep {
  readonly step: AdviceStep;
  /** Tools this step introduces, shown with their links. */
  readonly fresh: readonly ToolId[];
  /** Tools an earlier step introduced, named only. */
  readonly repeated: readonly ToolId[];
}

/** Reading order: a tool is introduced by the first step that names it. */
function placeTools(steps: readonly AdviceStep[]): PlacedStep[] {
  const shown = new Set<ToolId>();
  return steps.map((step) => {
    const tools = step.tools ?? [];
    const fresh = tools.filter((id) => !shown.has(id));
    const repeated = tools.filter((id) => shown.has(id));
    for (const id of fresh) shown.add(id);
    return { step, fresh, repeated };
  });
}

function Step(props: PlacedStep & { readonly country: string | null }) {
  const { t } = useI18n();
  const { step, fresh, repeated } = props;
  return (
    <li class={`step step-${step.kind}`} data-step={step.messageKey}>
      {step.kind === 'warning' && <span class="step-mark">{t('popup_step_warning')} </span>}
      {t(step.messageKey, step.substitutions)}
      {repeated.length > 0 && <span lang="en"> {repeated.map((id) => toolById(id).name).join(', ')}</span>}
      {fresh.length > 0 && (
        <ul class="tools">
          {fresh.map((id) => (
            <ToolCard key={id} id={id} country={props.country} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** One lead line: what to do, then the link that does it (the tool's page in the reader's language where one exists). */
function LeadLine(props: { readonly step: LeadStep; readonly country: string | null }) {
  const { t, language } = useI18n();
  const { step } = props;
  const tool = step.tool ? toolById(step.tool) : undefined;
  const link = tool ? linksFor(tool, language, props.country).find((candidate) => candidate.id === step.linkId) : undefined;
  return (
    <li class="lead-step" data-lead-step={step.messageKey} {...(tool ? { 'data-tool': tool.id } : {})}>
      {t(step.messageKey, tool ? [tool.name] : undefined)}
      {link && (
        <>
          {' '}
          <a href={link.url} target="_blank" rel="noopener noreferrer" hreflang={link.language.replace('_', '-')}>
            {t(link.labelKey)}
          </a>
        </>
      )}
    </li>
  );
}

export function GuidancePanel(props: { readonly service: ServiceSnapshot; readonly country: string | null }) {
  const { t } = useI18n();
  const { service } = props;
  const request = {
    serviceId: service.id,
    serviceName: service.name,
    state: service.state,
    ...(service.how ? { how: service.how } : {}),
    country: props.country,
    components: service.components.filter((component) => component.ok !== null).map((component) => ({ role: component.role, ok: component.ok === true })),
  };
  const advice = chooseAdvice(request);
  const lead = chooseLead(request);
  return (
    <details class="guidance">
      <summary>{t('guidance_title')}</summary>
      {lead.steps.length > 0 && (
        <ol class="lead-steps">
          {lead.steps.map((step) => (
            <LeadLine key={step.messageKey + (step.tool ?? '')} step={step} country={props.country} />
          ))}
        </ol>
      )}
      {lead.safety.length > 0 && (
        <p class="lead-safety">
          {lead.safety.map((key, index) => (
            <span key={key} data-safety={key}>
              {index > 0 ? ' ' : ''}
              {t(key)}
            </span>
          ))}
        </p>
      )}
      <details class="more-ways">
        <summary>{t('guidance_more_ways')}</summary>
        <ol class="steps">
          {placeTools(advice.steps).map((placed) => (
            <Step key={placed.step.messageKey} {...placed} country={props.country} />
          ))}
        </ol>
      </details>
    </details>
  );
}
