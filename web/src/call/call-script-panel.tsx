import type { CallScript } from '../../../src/outreach/script/script-types.ts';

/** The guided call: each section's suggested words, guidance for the caller, and why it is there. */
export function CallScriptPanel({ script }: { script: CallScript }) {
  return (
    <section className="panel script" aria-labelledby="script-title">
      <h2 id="script-title" tabIndex={-1}>
        The call
      </h2>
      {script.sections.map((section) => (
        <section key={section.id} aria-label={section.title} data-section={section.id}>
          <h3>{section.title}</h3>
          {section.say.map((line) => (
            <p key={line} className="say">
              {line}
            </p>
          ))}
          {section.guidance.map((line) => (
            <p key={line} className="guide">
              {line}
            </p>
          ))}
          <p className="because">Shown because: {section.because.join('; ')}</p>
        </section>
      ))}
    </section>
  );
}
