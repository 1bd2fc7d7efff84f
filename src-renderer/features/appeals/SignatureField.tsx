import { Button, Checkbox, Group, Image, Paper, Stack, Text } from '@mantine/core';
import SignaturePad from 'signature_pad';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  signature: string | null;
  onPaper: boolean;
  onSignature(value: string | null): void;
  onPaperChange(value: boolean): void;
  error?: string;
}

/**
 * The visitor's own consent to an oral answer (seed 004, 6.6.5): signed with a finger or stylus
 * on the screen (kept as SVG with the card) or on the printed card, marked here.
 */
export function SignatureField({ signature, onPaper, onSignature, onPaperChange, error }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const onSignatureRef = useRef(onSignature);
  useEffect(() => {
    onSignatureRef.current = onSignature;
  });

  useEffect(() => {
    const el = canvas.current;
    if (!el || signature || onPaper) return;
    // The canvas is drawn at the screen's pixel density, or strokes come out blurred.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    el.width = el.offsetWidth * ratio;
    el.height = el.offsetHeight * ratio;
    el.getContext('2d')?.scale(ratio, ratio);
    const p = new SignaturePad(el, { penColor: '#0b1f4d', minWidth: 0.8, maxWidth: 2.4 });
    p.addEventListener('endStroke', () => {
      onSignatureRef.current(p.isEmpty() ? null : p.toDataURL('image/svg+xml'));
    });
    pad.current = p;
    return () => {
      p.off();
      pad.current = null;
    };
  }, [signature, onPaper]);

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('card.signature')}
      </Text>
      {signature ? (
        <Group align="end">
          <Paper withBorder p={4} bg="white">
            <Image
              src={signature}
              alt={t('card.signatureImage')}
              h={120}
              w={360}
              fit="contain"
              data-testid="signature-image"
            />
          </Paper>
          <Button variant="default" size="xs" onClick={() => onSignature(null)}>
            {t('card.signAgain')}
          </Button>
        </Group>
      ) : (
        !onPaper && (
          <Stack gap={4}>
            <Paper withBorder bg="white" w={480} h={160} style={{ touchAction: 'none' }}>
              <canvas
                ref={canvas}
                aria-label={t('card.signatureArea')}
                data-testid="signature-pad"
                style={{ width: '100%', height: '100%', display: 'block', cursor: 'crosshair' }}
              />
            </Paper>
            <Text size="xs" c="dimmed">
              {t('card.signatureHint')}
            </Text>
          </Stack>
        )
      )}
      <Checkbox
        label={t('fields.consentOnPaper')}
        checked={onPaper}
        onChange={(e) => {
          onPaperChange(e.currentTarget.checked);
          if (e.currentTarget.checked) onSignature(null);
        }}
      />
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
    </Stack>
  );
}
