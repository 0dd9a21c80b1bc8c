import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, type Path, type Resolver, useForm, useWatch } from 'react-hook-form';
import {
  type Supplier,
  type SupplierCreate,
  type SupplierCreateInput,
  SupplierCreateSchema,
  SupplierSchema,
  type SupplierUpdate,
  SupplierUpdateSchema,
} from '#shared/schemas/suppliers.js';
import { CountryPicker } from '../../../components/country-picker.js';
import { Button } from '../../../components/ui/button.js';
import { EditConflictAlert } from '../../../components/ui/edit-conflict-alert.js';
import { Field, SelectField, TextField } from '../../../components/ui/field.js';
import { FormAlert } from '../../../components/ui/form-alert.js';
import { TagInput } from '../../../components/ui/tag-input.js';
import { useEditConflict } from '../../../lib/edit-conflict.js';
import { useServerSubmit } from '../../../lib/form-errors.js';
import { useCreateSupplier, useStoreSupplier, useUpdateSupplier } from '../api.js';
import { STATUS_OPTIONS, TIER_OPTIONS } from '../labels.js';
import { ContactsFields } from './contacts-fields.js';
import { GoodsRecognition } from './goods-recognition.js';
import { ParentSupplierPicker } from './parent-supplier-picker.js';

type FormValues = SupplierCreateInput;

const MAX_CONTACTS = 10;
const TOP_LEVEL_FIELDS = [
  'name',
  'legalName',
  'country',
  'goods',
  'sector',
  'tier',
  'parentId',
  'annualSpend',
  'currency',
  'headcount',
  'migrantWorkerShare',
  'agencyWorkerShare',
  'status',
  'externalRef',
  'tags',
  'contacts',
] as const satisfies readonly Path<FormValues>[];

const FIELD_LABELS: Record<(typeof TOP_LEVEL_FIELDS)[number], string> = {
  name: 'the name',
  legalName: 'the legal name',
  country: 'the country',
  goods: 'the goods',
  sector: 'the sector',
  tier: 'the tier',
  parentId: 'the parent supplier',
  annualSpend: 'the annual spend',
  currency: 'the currency',
  headcount: 'the headcount',
  migrantWorkerShare: 'the migrant worker share',
  agencyWorkerShare: 'the agency worker share',
  status: 'the status',
  externalRef: 'the external reference',
  tags: 'the tags',
  contacts: 'the contacts',
};
/** A changed field in words (contacts.1.email is one of "the contacts"). */
const describeField = (path: string) => FIELD_LABELS[path.split('.')[0] as keyof typeof FIELD_LABELS] ?? path;

/** Fields a server issue may name, including each contact's own fields (`contacts.2.email`). */
const SERVER_FIELDS: readonly Path<FormValues>[] = [
  ...TOP_LEVEL_FIELDS,
  ...Array.from({ length: MAX_CONTACTS }, (_, i) =>
    (['name', 'email', 'phone'] as const).map((key) => `contacts.${i}.${key}` as Path<FormValues>),
  ).flat(),
];

/** Empty number boxes mean "not known" (null), which the schema allows; anything else is read as a number. */
const numberOrNull = (value: unknown) =>
  value === '' || value === null || value === undefined ? null : Number(value);

const toFormValues = (supplier: Supplier | undefined, parentId: string | null): FormValues =>
  supplier
    ? {
        name: supplier.name,
        legalName: supplier.legalName ?? '',
        country: supplier.country,
        goods: [...supplier.goods],
        sector: supplier.sector ?? '',
        tier: supplier.tier,
        parentId: supplier.parentId,
        annualSpend: supplier.annualSpend,
        currency: supplier.currency,
        headcount: supplier.headcount,
        migrantWorkerShare: supplier.migrantWorkerShare,
        agencyWorkerShare: supplier.agencyWorkerShare,
        status: supplier.status,
        externalRef: supplier.externalRef ?? '',
        tags: [...supplier.tags],
        contacts: supplier.contacts.map((c) => ({
          name: c.name,
          email: c.email ?? '',
          phone: c.phone ?? '',
        })),
      }
    : {
        name: '',
        legalName: '',
        country: '',
        goods: [],
        sector: '',
        tier: 1,
        parentId,
        annualSpend: null,
        currency: 'USD',
        headcount: null,
        migrantWorkerShare: null,
        agencyWorkerShare: null,
        status: 'onboarding',
        externalRef: '',
        tags: [],
        contacts: [],
      };

const createResolver = zodResolver(SupplierCreateSchema);
// The form always holds every field, so the update schema's output is complete; only changed fields are sent.
const updateResolver = zodResolver(SupplierUpdateSchema) as unknown as Resolver<
  FormValues,
  unknown,
  SupplierCreate
>;

/** What a PATCH needs: the fields whose validated value differs from the stored one. */
const changesFrom = (supplier: Supplier, values: SupplierCreate): SupplierUpdate => {
  const baseline = SupplierUpdateSchema.safeParse(toFormValues(supplier, null));
  if (!baseline.success) return values;
  const before = baseline.data as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (JSON.stringify(value ?? null) !== JSON.stringify(before[key] ?? null)) changes[key] = value;
  }
  return changes as SupplierUpdate;
};

export interface SupplierFormProps {
  /** The supplier to edit; without it the form adds a new one. */
  supplier?: Supplier;
  /** Pre-selected parent for a new sub-supplier. */
  parent?: Supplier;
  onSaved: (supplier: Supplier) => void;
  onCancel: () => void;
}

/** Add or edit a supplier; the rules are the shared zod schemas, so the form and the API agree. */
export function SupplierForm({ supplier, parent, onSaved, onCancel }: SupplierFormProps) {
  const editing = Boolean(supplier);
  const create = useCreateSupplier();
  const update = useUpdateSupplier();
  const storeSupplier = useStoreSupplier();
  const form = useForm<FormValues, unknown, SupplierCreate>({
    resolver: editing ? updateResolver : createResolver,
    defaultValues: {
      ...toFormValues(supplier, parent?.id ?? null),
      ...(parent && !supplier ? { tier: parent.tier + 1 } : {}),
    },
  });
  // Below a parent the tier is the parent's + 1 (the server derives it and refuses any other): shown, not asked.
  const [parentTier, setParentTier] = useState<number | null>(
    parent && !supplier ? parent.tier : supplier?.parentId ? supplier.tier - 1 : null,
  );
  const parentId = useWatch({ control: form.control, name: 'parentId' });
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = form;
  const country = useWatch({ control, name: 'country' });
  // The supplier as this edit loaded it: its revision goes with the update, and a 409 is offered to merge.
  const edit = useEditConflict({
    record: supplier,
    schema: SupplierSchema,
    form,
    toValues: (s: Supplier) => toFormValues(s, null),
    onLatest: storeSupplier,
  });

  const { formError, onSubmit } = useServerSubmit(
    { handleSubmit, setError },
    SERVER_FIELDS,
    async (input) => {
      // Below a parent the server derives the tier: sending none means it can never contradict the chain.
      const values = { ...input };
      if (values.parentId) values.tier = undefined;
      if (values.tier === undefined) delete values.tier;
      const base = edit.base;
      if (base) {
        const changes = changesFrom(base, values);
        onSaved(
          Object.keys(changes).length === 0
            ? base
            : await update.mutateAsync({ id: base.id, changes, revision: base.revision }),
        );
      } else {
        onSaved(await create.mutateAsync(values));
      }
    },
    edit.catchConflict,
  );

  const listError = (field: 'goods' | 'tags') => {
    const error = errors[field];
    if (!error) return undefined;
    if (error.message) return error.message;
    return Array.isArray(error) ? error.find((item) => item?.message)?.message : undefined;
  };

  return (
    <form
      className="form supplier-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={editing ? 'Edit supplier' : 'Add supplier'}
    >
      <FormAlert message={formError} />
      <EditConflictAlert
        noun="supplier"
        conflict={edit.conflict}
        reapplied={edit.reapplied}
        onKeepMine={edit.keepMine}
        onDiscardMine={edit.discardMine}
        describeField={describeField}
      />

      <fieldset className="form-section">
        <legend className="form-section-title">Supplier</legend>
        <div className="form-grid">
          <TextField label="Name" autoComplete="off" error={errors.name?.message} {...register('name')} />
          <TextField
            label="Legal name (optional)"
            autoComplete="off"
            error={errors.legalName?.message}
            {...register('legalName')}
          />
          <TextField
            label="External reference"
            autoComplete="off"
            hint="Your own id for this supplier, e.g. the ERP vendor number. CSV import matches on it."
            error={errors.externalRef?.message}
            {...register('externalRef')}
          />
          <SelectField
            label="Status"
            options={STATUS_OPTIONS}
            error={errors.status?.message}
            {...register('status')}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">Where the work happens</legend>
        <div className="form-grid">
          <Controller
            control={control}
            name="country"
            render={({ field, fieldState }) => (
              <Field
                label="Country"
                error={fieldState.error?.message}
                hint="Of the production site, not the head office: risk follows where the work is done."
              >
                {(controlProps) => (
                  <CountryPicker
                    {...controlProps}
                    ref={field.ref}
                    value={field.value || null}
                    onChange={(code) => field.onChange(code ?? '')}
                    onBlur={field.onBlur}
                  />
                )}
              </Field>
            )}
          />
          <TextField
            label="Sector (optional)"
            autoComplete="off"
            placeholder="e.g. Apparel"
            error={errors.sector?.message}
            {...register('sector')}
          />
          {parentId ? (
            <Field
              label="Tier"
              error={errors.tier?.message}
              hint="Follows the parent supplier: one tier below it."
            >
              {(controlProps) => (
                <input
                  {...controlProps}
                  className="input"
                  readOnly
                  value={parentTier === null ? 'One below the parent' : String(parentTier + 1)}
                />
              )}
            </Field>
          ) : (
            <SelectField
              label="Tier"
              options={TIER_OPTIONS}
              error={errors.tier?.message}
              {...register('tier', { setValueAs: Number })}
            />
          )}
          <Controller
            control={control}
            name="parentId"
            render={({ field, fieldState }) => (
              <Field
                label="Parent supplier (optional)"
                error={fieldState.error?.message}
                hint="The supplier this site delivers to, for tier 2 and beyond."
              >
                {(controlProps) => (
                  <ParentSupplierPicker
                    {...controlProps}
                    ref={field.ref}
                    excludeId={supplier?.id}
                    value={field.value ?? null}
                    onChange={(id, chosen) => {
                      field.onChange(id);
                      setParentTier(chosen ? chosen.tier : null);
                      // Without a parent the tier is asked again, from 1 (a direct supplier).
                      setValue('tier', chosen ? chosen.tier + 1 : 1);
                    }}
                    onBlur={field.onBlur}
                  />
                )}
              </Field>
            )}
          />
          <Controller
            control={control}
            name="goods"
            render={({ field }) => (
              <div className="field-wide">
                <Field
                  label="Goods"
                  error={listError('goods')}
                  hint="What you buy from this site, e.g. cotton, garments. Press Enter or type a comma after each."
                >
                  {(controlProps) => (
                    <TagInput
                      {...controlProps}
                      ref={field.ref}
                      noun="good"
                      maxLength={100}
                      placeholder="e.g. cotton"
                      value={field.value ?? []}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                    />
                  )}
                </Field>
                <GoodsRecognition
                  goods={field.value ?? []}
                  country={country || null}
                  onChange={field.onChange}
                />
              </div>
            )}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">Spend and workforce</legend>
        <div className="form-grid form-grid-dense">
          <TextField
            label="Annual spend (optional)"
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            error={errors.annualSpend?.message}
            {...register('annualSpend', { setValueAs: numberOrNull })}
          />
          <TextField
            label="Currency"
            autoComplete="off"
            maxLength={3}
            hint="Three-letter ISO code, e.g. USD, EUR, GBP."
            error={errors.currency?.message}
            {...register('currency')}
          />
          <TextField
            label="Headcount (optional)"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            error={errors.headcount?.message}
            {...register('headcount', { setValueAs: numberOrNull })}
          />
          <TextField
            label="Migrant workers, % (optional)"
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            hint="Leave empty if unknown: it is scored as unknown, not as zero."
            error={errors.migrantWorkerShare?.message}
            {...register('migrantWorkerShare', { setValueAs: numberOrNull })}
          />
          <TextField
            label="Agency workers, % (optional)"
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            hint="Workers hired through labour agencies or recruiters."
            error={errors.agencyWorkerShare?.message}
            {...register('agencyWorkerShare', { setValueAs: numberOrNull })}
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section-title">Tags and contacts</legend>
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <Field
              label="Tags (optional)"
              error={listError('tags')}
              hint="Your own labels for filtering, e.g. strategic, ss25. Press Enter or type a comma after each."
              className="field-wide"
            >
              {(controlProps) => (
                <TagInput
                  {...controlProps}
                  ref={field.ref}
                  noun="tag"
                  maxLength={50}
                  value={field.value ?? []}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                />
              )}
            </Field>
          )}
        />
        <ContactsFields control={control} register={register} errors={errors} max={MAX_CONTACTS} />
      </fieldset>

      <div className="form-actions">
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {editing ? 'Save changes' : 'Add supplier'}
        </Button>
        <Button onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
